package net.historyarchive.catalog.common;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * UUIDv7 ids (RFC 9562): time-ordered, so new rows land at the right edge of the primary key
 * index and listing by id is listing by creation time, yet still opaque and unguessable.
 *
 * <p>Within one millisecond the 12 {@code rand_a} bits count up from a random start (RFC 9562,
 * section 6.2, method 1), so ids made in the same millisecond (a bulk import makes hundreds) still
 * sort in creation order; when the counter is full the timestamp moves on by one millisecond.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long VERSION_7 = 0x7L << 12;
    private static final long RAND_A = 0xFFFL;
    /** The most significant half of the last id: 48 bits of milliseconds, the version, 12 bits of counter. */
    private static final AtomicLong LAST_MSB = new AtomicLong();

    private Ids() {
    }

    public static UUID newId() {
        long candidate = (System.currentTimeMillis() << 16) | VERSION_7 | RANDOM.nextInt(1 << 12);
        long msb = LAST_MSB.updateAndGet(last -> candidate > last ? candidate : successor(last));
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** The next counter value after {@code msb}, or the next millisecond's first when the counter is full. */
    private static long successor(long msb) {
        return (msb & RAND_A) == RAND_A ? (((msb >>> 16) + 1) << 16) | VERSION_7 : msb + 1;
    }
}
