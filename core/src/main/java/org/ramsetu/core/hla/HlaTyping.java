package org.ramsetu.core.hla;

import java.util.ArrayList;
import java.util.List;
import org.ramsetu.core.InvalidClinicalValueException;

/**
 * HLA-A, -B and -DR typing: one or two antigens per locus. One antigen, or the same antigen twice,
 * means homozygous at that locus.
 */
public record HlaTyping(List<HlaAntigen> a, List<HlaAntigen> b, List<HlaAntigen> dr) {

    public HlaTyping {
        a = locus("hla.A", HlaLocus.A, a);
        b = locus("hla.B", HlaLocus.B, b);
        dr = locus("hla.DR", HlaLocus.DR, dr);
    }

    /** Parses e.g. {@code of("A1", "A2", "B8", "B44", "DR3", "DR15")}. */
    public static HlaTyping of(String... antigens) {
        List<HlaAntigen> a = new ArrayList<>(2);
        List<HlaAntigen> b = new ArrayList<>(2);
        List<HlaAntigen> dr = new ArrayList<>(2);
        for (String text : antigens) {
            HlaAntigen antigen = HlaAntigen.parse(text);
            switch (antigen.locus()) {
                case A -> a.add(antigen);
                case B -> b.add(antigen);
                case DR -> dr.add(antigen);
            }
        }
        return new HlaTyping(a, b, dr);
    }

    public List<HlaAntigen> at(HlaLocus locus) {
        return switch (locus) {
            case A -> a;
            case B -> b;
            case DR -> dr;
        };
    }

    private static List<HlaAntigen> locus(String field, HlaLocus locus, List<HlaAntigen> list) {
        if (list == null || list.isEmpty() || list.size() > 2) {
            throw new InvalidClinicalValueException(
                    field, field + " needs one or two antigens (one means homozygous)");
        }
        for (HlaAntigen antigen : list) {
            if (antigen == null || antigen.locus() != locus) {
                throw new InvalidClinicalValueException(
                        field,
                        field + " may only hold " + locus + " antigens (got " + antigen + ")");
            }
        }
        return List.copyOf(list);
    }
}
