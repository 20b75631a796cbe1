package org.ramsetu.platform.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.scores.Sex;
import org.ramsetu.platform.registry.common.Demographics;

/**
 * Realistic people for demo data: Indian names, ABO/Rh and HLA drawn from published Indian
 * frequencies (blood groups: large Indian donor series, O+ ≈ 37 %, B+ ≈ 32 %, A+ ≈ 22 %, AB+ ≈ 7 %,
 * Rh-negative ≈ 2 %; HLA-A/B/DR: common serological antigens of North and South Indian panels),
 * heights and weights by sex.
 */
final class DemoPeople {

    private static final List<String> FEMALE =
            List.of(
                    "Asha",
                    "Priya",
                    "Lakshmi",
                    "Fatima",
                    "Ananya",
                    "Kavya",
                    "Meera",
                    "Sunita",
                    "Deepa",
                    "Neha",
                    "Pooja",
                    "Shreya",
                    "Gurpreet",
                    "Anjali",
                    "Divya",
                    "Rekha",
                    "Zainab",
                    "Sneha",
                    "Radha",
                    "Nandini");
    private static final List<String> MALE =
            List.of(
                    "Arjun",
                    "Rahul",
                    "Vikram",
                    "Imran",
                    "Suresh",
                    "Karthik",
                    "Amit",
                    "Rohan",
                    "Harpreet",
                    "Sanjay",
                    "Ravi",
                    "Aditya",
                    "Manoj",
                    "Farhan",
                    "Naveen",
                    "Rajesh",
                    "Joseph",
                    "Anil",
                    "Vijay",
                    "Siddharth");
    private static final List<String> SURNAMES =
            List.of(
                    "Sharma",
                    "Patel",
                    "Reddy",
                    "Iyer",
                    "Khan",
                    "Singh",
                    "Das",
                    "Nair",
                    "Gupta",
                    "Menon",
                    "Mukherjee",
                    "Joshi",
                    "Kulkarni",
                    "Rao",
                    "Chatterjee",
                    "Pillai",
                    "Verma",
                    "Shaikh",
                    "Fernandes",
                    "Bose",
                    "Yadav",
                    "Mehta",
                    "Gill",
                    "Hegde");

    private static final Weighted<String> BLOOD =
            Weighted.of(
                    "O+", 36.5, "B+", 32.1, "A+", 22.9, "AB+", 6.4, "O-", 1.1, "B-", 0.6, "A-", 0.3,
                    "AB-", 0.1);
    private static final Weighted<String> HLA_A =
            Weighted.of(
                    "A2", 18, "A11", 14, "A24", 14, "A1", 12, "A33", 10, "A68", 6, "A3", 6, "A26",
                    5, "A31", 4, "A32", 3, "A30", 3, "A29", 2, "A23", 1, "A25", 1);
    private static final Weighted<String> HLA_B =
            Weighted.of(
                    "B35", 12, "B51", 9, "B40", 8, "B44", 7, "B7", 7, "B15", 7, "B57", 6, "B52", 6,
                    "B8", 5, "B58", 5, "B37", 4, "B13", 4, "B18", 3, "B55", 3, "B27", 3, "B39", 3,
                    "B56", 2, "B49", 2, "B50", 2, "B53", 1);
    private static final Weighted<String> HLA_DR =
            Weighted.of(
                    "DR15", 20, "DR7", 15, "DR3", 10, "DR11", 10, "DR13", 9, "DR14", 7, "DR4", 7,
                    "DR10", 6, "DR1", 5, "DR12", 5, "DR8", 3, "DR16", 2, "DR9", 1);

    private DemoPeople() {}

    record Person(String fullName, Demographics demographics, HlaTyping hla) {}

    /**
     * @param minAge,maxAge inclusive, in years on {@code today}
     */
    static Person draw(SplittableRandom random, int minAge, int maxAge, LocalDate today) {
        Sex sex = random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
        String first = (sex == Sex.FEMALE ? FEMALE : MALE).get(random.nextInt(20));
        String last = SURNAMES.get(random.nextInt(SURNAMES.size()));
        LocalDate born =
                today.minusYears(minAge + random.nextInt(maxAge - minAge + 1))
                        .minusDays(random.nextInt(365));
        double height = Math.round((sex == Sex.FEMALE ? 153 : 166) + random.nextGaussian() * 7);
        double bmi = 19 + random.nextDouble() * 9;
        double weight = Math.round(bmi * (height / 100) * (height / 100));
        Demographics demographics =
                new Demographics(
                        BloodGroup.parse(BLOOD.draw(random)),
                        born,
                        sex,
                        Math.max(120, Math.min(210, height)),
                        Math.max(30, Math.min(160, weight)));
        return new Person(first + " " + last, demographics, hla(random));
    }

    static HlaTyping hla(SplittableRandom random) {
        List<String> antigens = new ArrayList<>(6);
        for (Weighted<String> locus : List.of(HLA_A, HLA_B, HLA_DR)) {
            antigens.add(locus.draw(random));
            antigens.add(locus.draw(random));
        }
        return HlaTyping.of(antigens.toArray(String[]::new));
    }
}
