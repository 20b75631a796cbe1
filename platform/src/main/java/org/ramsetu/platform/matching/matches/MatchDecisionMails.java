package org.ramsetu.platform.matching.matches;

import org.ramsetu.platform.matching.MatchMails;
import org.springframework.context.event.EventListener;

/**
 * Tells the parties about match decisions, queued in the decision's transaction (synchronous
 * listeners): on approval the patient and the donor, and each patient whose proposal lost the
 * pledge to another; on a coordinator's decline, the patient.
 */
class MatchDecisionMails {

    private final MatchMails mails;

    MatchDecisionMails(MatchMails mails) {
        this.mails = mails;
    }

    @EventListener
    void approved(MatchApproved event) {
        for (Match other : event.alsoDeclined()) {
            // Patients whose proposed donor went to another patient are told why; the approved
            // patient's own other proposals close without a mail of their own: the approval tells.
            if (other.declineReason() == DeclineReason.ANOTHER_PATIENT_CHOSEN) {
                declined(other);
            }
        }
        Match match = event.match();
        mails.approvedToPatient(match.id(), match.patientId(), match.requestId(), match.organ());
        mails.approvedToDonor(match.id(), match.donorId(), match.pledgeId(), match.organ());
    }

    @EventListener
    void declined(MatchDeclined event) {
        declined(event.match());
    }

    private void declined(Match m) {
        mails.declined(
                m.id(),
                m.patientId(),
                m.requestId(),
                m.organ(),
                m.declineReason().meaning(),
                m.declineNote());
    }
}
