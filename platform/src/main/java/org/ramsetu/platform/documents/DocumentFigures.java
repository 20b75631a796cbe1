package org.ramsetu.platform.documents;

import org.ramsetu.infra.database.ReplicaReads;

/**
 * The documents' figure for the coordinators' dashboard, counted on the replica when one keeps up
 * ({@link ReplicaReads}).
 */
public class DocumentFigures {

    private final ReplicaReads reads;

    public DocumentFigures(ReplicaReads reads) {
        this.reads = reads;
    }

    /** Documents uploaded and not yet reviewed by a coordinator. */
    public long awaitingReview() {
        return reads.jdbc()
                .sql("select count(*) from document where status = 'PENDING'")
                .query(Long.class)
                .single();
    }
}
