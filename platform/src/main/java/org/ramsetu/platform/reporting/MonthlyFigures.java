package org.ramsetu.platform.reporting;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one month's registry report: each measure counted in total and by organ, state,
 * centre and (declines) reason. A flat list of {@link Figure}s is what the CSV holds; the PDF
 * arranges the same figures into tables.
 */
record MonthlyFigures(YearMonth month, Instant generatedAt, List<Figure> figures) {

    MonthlyFigures {
        figures =
                figures.stream()
                        .sorted(
                                Comparator.comparing((Figure f) -> f.measure().ordinal())
                                        .thenComparing(f -> f.dimension().ordinal())
                                        .thenComparing(Figure::value))
                        .toList();
    }

    /** What is counted; {@code byCentre} for the patient side (donors have no centre). */
    enum Measure {
        PLEDGES("pledges", "Pledges made", false),
        LISTINGS("listings", "Patients listed (transplant requests)", true),
        TRANSPLANTS_APPROVED("transplants_approved", "Transplants approved (matches)", true),
        TRANSPLANTED("transplanted", "Requests marked transplanted", true),
        OFFERS("offers", "Offers (donors proposed)", true),
        DECLINES("declines", "Offers declined", true);

        final String key;
        final String label;
        final boolean byCentre;

        Measure(String key, String label, boolean byCentre) {
            this.key = key;
            this.label = label;
            this.byCentre = byCentre;
        }
    }

    enum Dimension {
        TOTAL("total"),
        ORGAN("organ"),
        STATE("state"),
        CENTRE("centre"),
        REASON("reason");

        final String key;

        Dimension(String key) {
            this.key = key;
        }
    }

    /**
     * @param value the organ, state, centre or reason counted; empty for a total
     */
    record Figure(Measure measure, Dimension dimension, String value, long count) {}

    long total(Measure measure) {
        return figures.stream()
                .filter(f -> f.measure() == measure && f.dimension() == Dimension.TOTAL)
                .mapToLong(Figure::count)
                .sum();
    }

    Map<String, Long> totals() {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (Measure m : Measure.values()) {
            totals.put(m.key, total(m));
        }
        return totals;
    }

    /** The values seen under {@code dimension} in any measure, sorted. */
    List<String> values(Dimension dimension) {
        return new ArrayList<>(
                figures.stream()
                        .filter(f -> f.dimension() == dimension)
                        .map(Figure::value)
                        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
    }

    long count(Measure measure, Dimension dimension, String value) {
        return figures.stream()
                .filter(
                        f ->
                                f.measure() == measure
                                        && f.dimension() == dimension
                                        && f.value().equals(value))
                .mapToLong(Figure::count)
                .sum();
    }
}
