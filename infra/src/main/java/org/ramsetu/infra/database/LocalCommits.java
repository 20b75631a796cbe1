package org.ramsetu.infra.database;

import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions whose commit waits for the local WAL flush only ({@code synchronous_commit =
 * local}), never for a synchronous standby: for metrics-like writes whose loss in a failover costs
 * nothing (an instance heartbeat is written again ten seconds later). Every other write keeps the
 * server's setting ({@code on}: under Patroni's synchronous mode a commit is durable on a standby
 * too) — registry, audit and account writes must survive a failover.
 *
 * <p>{@code SET LOCAL} ends with the transaction, so the pooled connection goes back unchanged.
 */
public final class LocalCommits {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public LocalCommits(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        // Its own transaction even when called inside another: SET LOCAL must not reach the
        // caller's writes.
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Runs {@code work} in a transaction of its own that commits without waiting for standbys. */
    public <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(
                status -> {
                    jdbc.sql("set local synchronous_commit = local").update();
                    return work.get();
                });
    }
}
