package org.ramsetu.infra.settings;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A cautious estimate of how hard a secret is to guess: the Shannon entropy of its own characters
 * times its length, where a repeated stretch counts once (the length is capped by the number of
 * distinct three-character runs, plus two). It cannot see that a random-looking value was copied
 * from a web page, but it catches the usual accidents: one repeated character, a word repeated to
 * reach the length ({@code changeme-changeme-…} scores about 30 bits). A value from {@code openssl
 * rand -base64 48} scores about 330.
 */
final class SecretStrength {

    private SecretStrength() {}

    static double estimatedBits(String secret) {
        int[] characters = secret.codePoints().toArray();
        if (characters.length == 0) {
            return 0;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        for (int c : characters) {
            counts.merge(c, 1, Integer::sum);
        }
        double perCharacter = 0;
        for (int count : counts.values()) {
            double p = (double) count / characters.length;
            perCharacter -= p * Math.log(p) / Math.log(2);
        }
        Set<String> runs = new HashSet<>();
        for (int i = 0; i + 3 <= characters.length; i++) {
            runs.add(new String(characters, i, 3));
        }
        return perCharacter * Math.min(characters.length, runs.size() + 2);
    }
}
