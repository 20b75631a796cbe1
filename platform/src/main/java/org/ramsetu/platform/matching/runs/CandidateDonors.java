package org.ramsetu.platform.matching.runs;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.hla.HlaMatching;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.PercentileTable;
import org.ramsetu.platform.matching.matches.Match;
import org.ramsetu.platform.registry.common.HlaText;
import org.ramsetu.platform.registry.pledges.PledgeId;
import org.ramsetu.platform.registry.pledges.PledgeKdpi;
import org.ramsetu.platform.registry.pledges.PledgedOrgan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The donors of the pledges a match run shows (its candidates and proposals), read in one query:
 * age, sex, blood group, size, HLA typing and mismatches with the patient, and a kidney's KDPI.
 */
class CandidateDonors {

    private static final Logger log = LoggerFactory.getLogger(CandidateDonors.class);

    private final JdbcClient jdbc;
    private final PercentileTable kdpiTable;

    CandidateDonors(JdbcClient jdbc, PercentileTable kdpiTable) {
        this.jdbc = jdbc;
        this.kdpiTable = kdpiTable;
    }

    /**
     * The run as shown, with the donors of the candidates it shows and of its proposals.
     *
     * @param recipient the patient's typing; null when not typed
     */
    MatchRunView view(
            MatchRun run,
            List<Match> proposals,
            @Nullable UUID rescoredBy,
            @Nullable HlaTyping recipient) {
        Set<PledgeId> ids = new LinkedHashSet<>();
        proposals.forEach(m -> ids.add(new PledgeId(m.pledgeId())));
        run.candidates().forEach(c -> ids.add(new PledgeId(c.pledgeId())));
        return MatchRunView.of(run, proposals, rescoredBy, of(run, ids, recipient));
    }

    /** One per pledge whose donor has a profile, in the order asked. */
    private List<CandidateDonor> of(
            MatchRun run, Set<PledgeId> ids, @Nullable HlaTyping recipient) {
        Map<PledgeId, PledgedOrgan> found = PledgedOrgan.findAll(jdbc, ids);
        LocalDate day = LocalDate.ofInstant(run.createdAt(), ZoneOffset.UTC);
        List<CandidateDonor> donors = new ArrayList<>(found.size());
        for (PledgeId id : ids) {
            PledgedOrgan pledge = found.get(id);
            if (pledge == null || !pledge.hasProfile()) {
                continue; // the view shows the pledge id alone
            }
            DonorOffer offer;
            try {
                offer = pledge.offer(day);
            } catch (InvalidClinicalValueException outsideTheCore) {
                // A record the clinical core no longer accepts (it ranked before a change of
                // the rules): the run still reads, this row with the pledge id alone.
                log.warn(
                        "match run {}: the donor of pledge {} is shown without facts: {}",
                        run.id(),
                        id,
                        outsideTheCore.getMessage());
                continue;
            }
            HlaTyping donor = offer.hla();
            PledgeKdpi kdpi =
                    offer.organ() == Organ.KIDNEY ? PledgeKdpi.of(pledge, offer, kdpiTable) : null;
            donors.add(
                    new CandidateDonor(
                            id.value(),
                            offer.body().ageYears(),
                            offer.body().sex().name(),
                            offer.bloodGroup().toString(),
                            offer.body().heightCm(),
                            offer.body().weightKg(),
                            HlaText.format(donor),
                            donor == null || recipient == null
                                    ? null
                                    : HlaMatching.mismatches(donor, recipient).toString(),
                            kdpi == null || kdpi.kdpi() == null ? null : kdpi.kdpi().percentile(),
                            kdpi == null ? null : kdpi.note()));
        }
        return donors;
    }
}
