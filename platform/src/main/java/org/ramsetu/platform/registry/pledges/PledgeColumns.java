package org.ramsetu.platform.registry.pledges;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ramsetu.core.blood.Abo;
import org.ramsetu.core.geo.SearchBox;

/**
 * The verified pledges of one organ as columns: what a run filters on (ABO group, home latitude and
 * longitude) in primitive arrays, side by side with the offers built for one day and the donors'
 * birth dates (to rebuild them for another day). Immutable; a change builds a new one and keeps the
 * offers of the pledges it did not touch.
 */
final class PledgeColumns {

    private final LocalDate day;
    private final VerifiedPledge[] offers;
    private final LocalDate[] bornOn;
    private final byte[] abo;
    private final double[] latitude;
    private final double[] longitude;

    private PledgeColumns(LocalDate day, VerifiedPledge[] offers, LocalDate[] bornOn) {
        this.day = day;
        this.offers = offers;
        this.bornOn = bornOn;
        this.abo = new byte[offers.length];
        this.latitude = new double[offers.length];
        this.longitude = new double[offers.length];
        for (int i = 0; i < offers.length; i++) {
            abo[i] = (byte) offers[i].offer().bloodGroup().abo().ordinal();
            latitude[i] = offers[i].offer().hospital().latitude();
            longitude[i] = offers[i].offer().hospital().longitude();
        }
    }

    static PledgeColumns of(List<VerifiedPledgeRow> rows, LocalDate day) {
        VerifiedPledge[] offers = new VerifiedPledge[rows.size()];
        LocalDate[] bornOn = new LocalDate[rows.size()];
        for (int i = 0; i < offers.length; i++) {
            offers[i] = rows.get(i).offerOn(day);
            bornOn[i] = rows.get(i).bornOn();
        }
        return new PledgeColumns(day, offers, bornOn);
    }

    int size() {
        return offers.length;
    }

    /** The same pledges with their donors' ages on {@code newDay}. */
    PledgeColumns on(LocalDate newDay) {
        if (newDay.equals(day)) {
            return this;
        }
        VerifiedPledge[] aged = new VerifiedPledge[offers.length];
        for (int i = 0; i < offers.length; i++) {
            aged[i] = VerifiedPledgeRow.agedOn(offers[i], bornOn[i], newDay);
        }
        return new PledgeColumns(newDay, aged, bornOn);
    }

    /**
     * Drops every pledge of {@code changedDonors} and adds {@code added} (their pledges of this
     * organ as they are now).
     */
    PledgeColumns replacing(Set<UUID> changedDonors, List<VerifiedPledgeRow> added, LocalDate on) {
        PledgeColumns base = on(on);
        List<VerifiedPledge> keptOffers = new ArrayList<>(base.offers.length + added.size());
        List<LocalDate> keptBirths = new ArrayList<>(base.offers.length + added.size());
        for (int i = 0; i < base.offers.length; i++) {
            if (!changedDonors.contains(base.offers[i].donor().value())) {
                keptOffers.add(base.offers[i]);
                keptBirths.add(base.bornOn[i]);
            }
        }
        if (keptOffers.size() == base.offers.length && added.isEmpty()) {
            return base;
        }
        for (VerifiedPledgeRow row : added) {
            keptOffers.add(row.offerOn(on));
            keptBirths.add(row.bornOn());
        }
        return new PledgeColumns(
                on,
                keptOffers.toArray(VerifiedPledge[]::new),
                keptBirths.toArray(LocalDate[]::new));
    }

    /**
     * The pledges whose donor's ABO group is in {@code groups} and who lives inside {@code box};
     * {@code setAside} receives how many were not, by reason (a group first, then the box).
     */
    List<VerifiedPledge> select(Set<Abo> groups, SearchBox box, Map<String, Integer> setAside) {
        int mask = 0;
        for (Abo group : groups) {
            mask |= 1 << group.ordinal();
        }
        double minLat = box.minLatitude();
        double maxLat = box.maxLatitude();
        double minLon = box.minLongitude();
        double maxLon = box.maxLongitude();
        List<VerifiedPledge> found = new ArrayList<>();
        int otherGroup = 0;
        int outOfReach = 0;
        for (int i = 0; i < abo.length; i++) {
            if ((mask & (1 << abo[i])) == 0) {
                otherGroup++;
            } else if (latitude[i] < minLat
                    || latitude[i] > maxLat
                    || longitude[i] < minLon
                    || longitude[i] > maxLon) {
                outOfReach++;
            } else {
                found.add(offers[i]);
            }
        }
        setAside.put(PledgeSearch.BLOOD_GROUP_NEVER_ALLOWED, otherGroup);
        setAside.put(PledgeSearch.OUT_OF_REACH, outOfReach);
        return found;
    }
}
