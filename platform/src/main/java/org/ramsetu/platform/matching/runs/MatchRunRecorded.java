package org.ramsetu.platform.matching.runs;

import java.util.List;
import java.util.UUID;

/**
 * A match run was written for a waiting request, by a coordinator or by the re-scoring of a
 * degraded run: its best candidates proposed, the request's earlier open proposals superseded.
 * Published in the run's transaction, so its listeners (the audit entry, the patient's and the
 * coordinators' mails) commit or roll back with it.
 *
 * @param patientId whose request the run ranked
 * @param proposed how many candidates it proposed
 * @param superseded the proposals of earlier runs it replaced
 */
public record MatchRunRecorded(MatchRun run, UUID patientId, int proposed, List<UUID> superseded) {}
