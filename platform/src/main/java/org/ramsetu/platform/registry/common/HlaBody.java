package org.ramsetu.platform.registry.common;

import java.util.ArrayList;
import java.util.List;
import org.ramsetu.core.hla.HlaAntigen;
import org.ramsetu.core.hla.HlaLocus;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.InvalidInput;
import org.springframework.modulith.NamedInterface;

/**
 * HLA-A, -B and -DR typing in requests and responses, e.g. {@code {"a": ["A2", "A24"], "b": ["B7",
 * "B44"], "dr": ["DR15"]}}; one antigen at a locus means homozygous.
 */
@NamedInterface("vocabulary")
public record HlaBody(List<String> a, List<String> b, List<String> dr) {

    /**
     * @param field the path of this object in the request, for error messages
     */
    public HlaTyping toTyping(String field) {
        return new HlaTyping(
                locus(field + ".a", HlaLocus.A, a),
                locus(field + ".b", HlaLocus.B, b),
                locus(field + ".dr", HlaLocus.DR, dr));
    }

    public static HlaBody of(HlaTyping typing) {
        return typing == null
                ? null
                : new HlaBody(names(typing.a()), names(typing.b()), names(typing.dr()));
    }

    private static List<HlaAntigen> locus(String field, HlaLocus locus, List<String> texts) {
        if (texts == null || texts.isEmpty() || texts.size() > 2) {
            throw InvalidInput.field(
                    field, "needs one or two " + locus + " antigens (one means homozygous)");
        }
        List<HlaAntigen> antigens = new ArrayList<>();
        for (String text : texts) {
            HlaAntigen antigen = Fields.renamed(field, () -> HlaAntigen.parse(text));
            if (antigen.locus() != locus) {
                throw InvalidInput.field(
                        field, "may only hold " + locus + " antigens (got " + antigen + ")");
            }
            antigens.add(antigen);
        }
        return antigens;
    }

    private static List<String> names(List<HlaAntigen> antigens) {
        return antigens.stream().map(HlaAntigen::toString).toList();
    }
}
