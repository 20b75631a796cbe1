package org.ramsetu.bench;

import java.util.Random;
import org.ramsetu.core.hla.HlaTyping;

/** The blood-group mix and HLA antigen pools both clinical-core benchmarks draw people from. */
final class SyntheticPopulation {

    /** O 40 %, B 30 %, A 20 %, AB 10 % (one Rh-negative O among them). */
    static final String[] ABO = {"O+", "O+", "O+", "B+", "B+", "B+", "A+", "A+", "AB+", "O-"};

    static final String[] A = {"A1", "A2", "A3", "A11", "A24", "A33"};
    static final String[] B = {"B7", "B8", "B35", "B44", "B51", "B57"};
    static final String[] DR = {"DR3", "DR4", "DR7", "DR11", "DR15", "DR13"};

    private SyntheticPopulation() {}

    static String pick(Random rnd, String[] values) {
        return values[rnd.nextInt(values.length)];
    }

    static HlaTyping randomTyping(Random rnd) {
        return HlaTyping.of(
                pick(rnd, A),
                pick(rnd, A),
                pick(rnd, B),
                pick(rnd, B),
                pick(rnd, DR),
                pick(rnd, DR));
    }
}
