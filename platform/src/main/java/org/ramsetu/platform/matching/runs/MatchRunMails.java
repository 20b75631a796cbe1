package org.ramsetu.platform.matching.runs;

import org.ramsetu.platform.matching.MatchMails;
import org.ramsetu.platform.rankingruns.RunTrigger;
import org.springframework.context.event.EventListener;

/**
 * Mails about match runs, queued in the run's transaction (synchronous listeners): the patient when
 * a coordinator's run proposed donors, the coordinators when a run was degraded and when a
 * re-scoring replaced one.
 */
class MatchRunMails {

    private final MatchMails mails;

    MatchRunMails(MatchMails mails) {
        this.mails = mails;
    }

    @EventListener
    void recorded(MatchRunRecorded event) {
        MatchRun run = event.run();
        if (event.proposed() > 0 && run.trigger() == RunTrigger.COORDINATOR) {
            mails.proposed(
                    run.id(), event.patientId(), run.requestId(), run.organ(), event.proposed());
        }
        if (run.rescoredFrom() != null) {
            mails.rescored(run.id(), run.rescoredFrom(), run.requestId(), run.organ());
        }
    }

    @EventListener
    void degraded(MatchRunDegraded event) {
        mails.degradedRun(event.runId(), event.requestId(), event.organ(), event.cause());
    }
}
