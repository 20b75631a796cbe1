package org.ramsetu.platform.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.ramsetu.platform.matching.MatchingFigures;
import org.ramsetu.platform.registry.RegistryFigures;
import org.ramsetu.platform.registry.RegistryFigures.Place;
import org.ramsetu.platform.registry.requests.RequestId;
import org.ramsetu.platform.reporting.MonthlyFigures.Dimension;
import org.ramsetu.platform.reporting.MonthlyFigures.Figure;
import org.ramsetu.platform.reporting.MonthlyFigures.Measure;

/**
 * Counts one month of registry activity. The registry and matching each count their own rows, once
 * per measure, by every dimension at once; the figures add those counts up per dimension. A match
 * is placed by its request, which the registry places. Both read from the replica when one keeps
 * up: a report tolerates seconds of staleness and writes nothing on its strength.
 *
 * <p>Which moment puts a record in a month: a pledge its creation, a listing its listing time, an
 * approval or decline the coordinator's decision, a transplant the request's change to {@code
 * TRANSPLANTED}, an offer the proposal's creation (whatever became of it since). State is the
 * donor's for pledges and the patient's hospital's otherwise; centre is the patient's hospital.
 */
final class RegistryCounts {

    private static final String UNKNOWN = "unknown";
    private static final Place NOWHERE = new Place(null, null);

    /** A count of one organ, state, centre and reason; null where unknown or not counted by. */
    private record Cell(String organ, String state, String centre, String reason, long count) {}

    private final RegistryFigures registry;
    private final MatchingFigures matching;
    private final Clock clock;

    RegistryCounts(RegistryFigures registry, MatchingFigures matching, Clock clock) {
        this.registry = registry;
        this.matching = matching;
        this.clock = clock;
    }

    MonthlyFigures of(YearMonth month) {
        Instant from = ReportMonths.start(month);
        Instant to = ReportMonths.end(month);
        List<Figure> figures = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            List<Cell> cells =
                    switch (measure) {
                        case PLEDGES -> registry(RegistryFigures.Moment.PLEDGED, from, to);
                        case LISTINGS -> registry(RegistryFigures.Moment.LISTED, from, to);
                        case TRANSPLANTED ->
                                registry(RegistryFigures.Moment.TRANSPLANTED, from, to);
                        case TRANSPLANTS_APPROVED ->
                                matches(MatchingFigures.Moment.APPROVED, from, to);
                        case OFFERS -> matches(MatchingFigures.Moment.OFFERED, from, to);
                        case DECLINES -> matches(MatchingFigures.Moment.DECLINED, from, to);
                    };
            figures.addAll(figures(measure, cells));
        }
        return new MonthlyFigures(month, clock.instant(), figures);
    }

    private List<Cell> registry(RegistryFigures.Moment moment, Instant from, Instant to) {
        return registry.month(moment, from, to).stream()
                .map(t -> new Cell(t.organ(), t.state(), t.centre(), null, t.count()))
                .toList();
    }

    private List<Cell> matches(MatchingFigures.Moment moment, Instant from, Instant to) {
        List<MatchingFigures.Tally> tallies = matching.month(moment, from, to);
        Map<RequestId, Place> places =
                registry.placesOf(tallies.stream().map(MatchingFigures.Tally::request).toList());
        return tallies.stream()
                .map(
                        t -> {
                            Place place = places.getOrDefault(t.request(), NOWHERE);
                            return new Cell(
                                    t.organ(),
                                    place.state(),
                                    place.centre(),
                                    t.reason(),
                                    t.count());
                        })
                .toList();
    }

    /** The total (0 for an empty month) and the counts by each dimension the measure has. */
    private static List<Figure> figures(Measure measure, List<Cell> cells) {
        List<Figure> figures = new ArrayList<>();
        figures.add(
                new Figure(
                        measure, Dimension.TOTAL, "", cells.stream().mapToLong(Cell::count).sum()));
        figures.addAll(by(measure, Dimension.ORGAN, cells, Cell::organ));
        figures.addAll(by(measure, Dimension.STATE, cells, Cell::state));
        if (measure.byCentre) {
            figures.addAll(by(measure, Dimension.CENTRE, cells, Cell::centre));
        }
        if (measure == Measure.DECLINES) {
            figures.addAll(by(measure, Dimension.REASON, cells, Cell::reason));
        }
        return figures;
    }

    private static List<Figure> by(
            Measure measure, Dimension dimension, List<Cell> cells, Function<Cell, String> value) {
        Map<String, Long> counts = new TreeMap<>();
        for (Cell cell : cells) {
            String v = value.apply(cell);
            counts.merge(v == null ? UNKNOWN : v, cell.count(), Long::sum);
        }
        return counts.entrySet().stream()
                .map(e -> new Figure(measure, dimension, e.getKey(), e.getValue()))
                .toList();
    }
}
