package org.ramsetu.infra.queue;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes a job's database effect happen once although the job may be delivered more than once: call
 * {@link #firstTime} in the same transaction as the effect; a redelivery finds the key recorded and
 * skips. (Effects outside the database, such as an e-mail, carry the key instead so the receiving
 * side can de-duplicate, e.g. a stable Message-ID.)
 */
public class EffectLedger {

    private final JdbcClient jdbc;

    public EffectLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True exactly once per key, in the transaction that records it; must run in a transaction. */
    public boolean firstTime(String effectKey) {
        return jdbc.sql(
                                "insert into job_effect (effect_key, applied_at) values (?, now())"
                                        + " on conflict (effect_key) do nothing")
                        .param(effectKey)
                        .update()
                == 1;
    }
}
