package org.ramsetu.infra.flags;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.ramsetu.infra.crypto.Sha256;

/**
 * The bucket of a targeting key for a flag: 0 to 9,999 (a hundredth of a percent each), from a hash
 * of flag key and targeting key. The same pledge always lands in the same bucket of a flag on every
 * instance and after every restart (no random draw, no state), and two flags bucket independently,
 * so a 10 % canary of one flag is not the same 10 % of pledges as another's.
 */
public final class Buckets {

    public static final int COUNT = 10_000;

    private Buckets() {}

    public static int of(String flagKey, String targetingKey) {
        byte[] digest = Sha256.of((flagKey + '\n' + targetingKey).getBytes(StandardCharsets.UTF_8));
        long high = ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        return (int) Long.remainderUnsigned(high, COUNT);
    }

    /** Whether the key's bucket falls inside the first {@code percentage} percent. */
    public static boolean within(String flagKey, String targetingKey, double percentage) {
        return of(flagKey, targetingKey) < Math.round(percentage * (COUNT / 100.0));
    }
}
