package be.fedauth.testkit;

import be.fedauth.core.EnterpriseNumber;
import be.fedauth.core.Mandate;
import be.fedauth.core.NationalRegisterNumber;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A mandate of the persona file: an enterprise (giver) mandates a person (holder) for e-services.
 *
 * @param giver          enterprise that gives the mandate
 * @param holderId       persona id of the holder
 * @param type           mandate type
 * @param eServiceIds    e-services covered
 * @param validFrom      start of validity
 * @param validUntil     end of validity
 * @param signedByGiver  whether the giver signed
 * @param signedByHolder whether the holder signed
 */
public record PersonaMandate(EnterpriseNumber giver, String holderId, String type, Set<String> eServiceIds,
                             Instant validFrom, Instant validUntil, boolean signedByGiver, boolean signedByHolder) {
    public PersonaMandate {
        Objects.requireNonNull(giver, "giver");
        Objects.requireNonNull(holderId, "holderId");
        Objects.requireNonNull(type, "type");
        eServiceIds = Set.copyOf(eServiceIds);
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (!validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("a mandate ends after it starts");
        }
    }

    /** The core form of this mandate, for a holder with this national number. */
    public Mandate toMandate(NationalRegisterNumber holder) {
        return new Mandate(giver, holder, type, eServiceIds, validFrom, validUntil, signedByGiver, signedByHolder);
    }
}
