package org.ramsetu.platform.allocation;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.ramsetu.core.organ.Organ;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The offer policy per organ ({@code ramsetu.allocation.offers.organs.<organ>.*}; docs/offers.md):
 * how long a centre has to answer an offer, how long a provisional yes holds, and how many
 * candidates are offered at once. An organ left out keeps its defaults below; a sequence copies the
 * values when it starts, so a changed setting never moves a running deadline.
 */
@ConfigurationProperties("ramsetu.allocation.offers")
public record OfferProperties(Map<Organ, OrganOffers> organs) {

    /** Defaults: hearts have the shortest ischaemia, kidneys need time for a crossmatch. */
    private static final Map<Organ, OrganOffers> DEFAULTS =
            Map.of(
                    Organ.HEART, new OrganOffers(Duration.ofMinutes(30), Duration.ofHours(1), 1),
                    Organ.LIVER, new OrganOffers(Duration.ofMinutes(60), Duration.ofHours(2), 1),
                    Organ.KIDNEY, new OrganOffers(Duration.ofMinutes(60), Duration.ofHours(4), 1),
                    Organ.CORNEA, new OrganOffers(Duration.ofHours(2), Duration.ofHours(4), 1));

    /**
     * @param response how long a centre has to answer an offer
     * @param provisional how long a provisional yes holds before it expires
     * @param simultaneous candidates offered at once (1 to 10): 1 offers strictly down the list
     */
    public record OrganOffers(Duration response, Duration provisional, Integer simultaneous) {}

    public OfferProperties {
        Map<Organ, OrganOffers> merged = new EnumMap<>(Organ.class);
        for (Organ organ : Organ.values()) {
            OrganOffers fallback = DEFAULTS.get(organ);
            OrganOffers set = organs == null ? null : organs.get(organ);
            OrganOffers chosen =
                    set == null
                            ? fallback
                            : new OrganOffers(
                                    set.response() == null ? fallback.response() : set.response(),
                                    set.provisional() == null
                                            ? fallback.provisional()
                                            : set.provisional(),
                                    set.simultaneous() == null
                                            ? fallback.simultaneous()
                                            : set.simultaneous());
            String prefix = "ramsetu.allocation.offers.organs." + organ.name().toLowerCase() + ".";
            if (chosen.response().compareTo(Duration.ofSeconds(1)) < 0
                    || chosen.provisional().compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException(
                        prefix + "response and " + prefix + "provisional must be at least 1s");
            }
            if (chosen.simultaneous() < 1 || chosen.simultaneous() > 10) {
                throw new IllegalArgumentException(prefix + "simultaneous must be 1 to 10");
            }
            merged.put(organ, chosen);
        }
        organs = Map.copyOf(merged);
    }

    public OrganOffers of(Organ organ) {
        return organs.get(organ);
    }
}
