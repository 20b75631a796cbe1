package org.ramsetu.platform.registry.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ramsetu.core.hla.HlaAntigen;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.hla.UnacceptableAntigens;
import org.ramsetu.platform.kernel.Fields;
import org.springframework.modulith.NamedInterface;

/** HLA typings and antigen lists as stored: canonical names separated by blanks. */
@NamedInterface("vocabulary")
public final class HlaText {

    private static final Comparator<HlaAntigen> ORDER =
            Comparator.comparing(HlaAntigen::locus).thenComparingInt(HlaAntigen::number);

    private HlaText() {}

    /** E.g. {@code A2 A24 B7 B44 DR15}; null for no typing. */
    public static String format(HlaTyping typing) {
        if (typing == null) {
            return null;
        }
        return Stream.of(typing.a(), typing.b(), typing.dr())
                .flatMap(List::stream)
                .map(HlaAntigen::toString)
                .collect(Collectors.joining(" "));
    }

    public static HlaTyping typing(String text) {
        return text == null || text.isBlank() ? null : HlaTyping.of(text.strip().split("\\s+"));
    }

    /** Sorted by locus and number, so equal sets are stored alike. */
    public static String format(UnacceptableAntigens antigens) {
        return antigens.antigens().stream()
                .sorted(ORDER)
                .map(HlaAntigen::toString)
                .collect(Collectors.joining(" "));
    }

    public static UnacceptableAntigens antigens(String text) {
        return text == null || text.isBlank()
                ? UnacceptableAntigens.NONE
                : UnacceptableAntigens.of(text.strip().split("\\s+"));
    }

    /** The antigens as a sorted list of names, for responses. */
    public static List<String> names(UnacceptableAntigens antigens) {
        return antigens.antigens().stream().sorted(ORDER).map(HlaAntigen::toString).toList();
    }

    /**
     * @param field the path of the list in the request, for error messages
     */
    public static UnacceptableAntigens parseAntigens(String field, List<String> texts) {
        if (texts == null || texts.isEmpty()) {
            return UnacceptableAntigens.NONE;
        }
        List<HlaAntigen> parsed = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            parsed.add(Fields.renamed(field + "[" + i + "]", () -> HlaAntigen.parse(text)));
        }
        return new UnacceptableAntigens(Set.copyOf(parsed));
    }
}
