package be.fedauth.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A role that an enterprise's local manager gave a colleague for one e-service.
 *
 * @param eServiceId the e-service the role is for ({@link EService#id()})
 * @param enterprise the enterprise in whose name the role is held
 * @param roleName the role's name in role management
 * @param state proposed, accepted or revoked
 * @param validFrom from when the role counts
 * @param validUntil the end date the manager set, if any (exclusive)
 */
public record RoleGrant(String eServiceId, EnterpriseNumber enterprise, String roleName, RoleState state,
                        Instant validFrom, Optional<Instant> validUntil) {

    /** Validates. */
    public RoleGrant {
        Objects.requireNonNull(eServiceId, "eServiceId");
        Objects.requireNonNull(enterprise, "enterprise");
        Objects.requireNonNull(roleName, "roleName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (validUntil.isPresent() && !validUntil.get().isAfter(validFrom)) {
            throw new IllegalArgumentException("a role ends after it starts");
        }
    }

    /** Whether the role is within its dates at {@code now}. */
    public boolean isCurrent(Instant now) {
        return !now.isBefore(validFrom) && validUntil.map(now::isBefore).orElse(true);
    }

    /** Whether the role gives access at {@code now}: accepted and current. */
    public boolean isEffective(Instant now) {
        return state == RoleState.ACCEPTED && isCurrent(now);
    }
}
