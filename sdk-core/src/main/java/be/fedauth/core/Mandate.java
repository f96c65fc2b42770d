package be.fedauth.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A mandate: a giver (an enterprise) lets a holder act on its behalf for some e-services. Active only
 * once both parties have signed it, and only between its dates.
 *
 * @param giver the enterprise that gives the mandate
 * @param holder the national register number of the person who holds it
 * @param type the mandate type, as in Self Service Mandates
 * @param eServiceIds the e-services it covers
 * @param validFrom start (inclusive)
 * @param validUntil end (exclusive)
 * @param signedByGiver whether the giver has signed
 * @param signedByHolder whether the holder has signed
 */
public record Mandate(EnterpriseNumber giver, NationalRegisterNumber holder, String type, Set<String> eServiceIds,
                      Instant validFrom, Instant validUntil, boolean signedByGiver, boolean signedByHolder) {

    /** Validates and copies. */
    public Mandate {
        Objects.requireNonNull(giver, "giver");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(type, "type");
        eServiceIds = Set.copyOf(eServiceIds);
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (!validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("a mandate ends after it starts");
        }
    }

    /** Whether both parties signed. */
    public boolean isSigned() {
        return signedByGiver && signedByHolder;
    }

    /** Whether the mandate is within its dates at {@code now}. */
    public boolean isCurrent(Instant now) {
        return !now.isBefore(validFrom) && now.isBefore(validUntil);
    }

    /** Whether the mandate is active at {@code now}: signed by both and current. */
    public boolean isActive(Instant now) {
        return isSigned() && isCurrent(now);
    }

    /** Holder's national number masked. */
    @Override
    public String toString() {
        return "Mandate[giver=" + giver + ", holder=" + holder + ", type=" + type + ", eServices=" + eServiceIds
                + ", validFrom=" + validFrom + ", validUntil=" + validUntil + ", signed=" + isSigned() + "]";
    }
}
