package be.fedauth.testkit;

import be.fedauth.core.EnterpriseNumber;
import be.fedauth.core.RoleGrant;
import be.fedauth.core.RoleState;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A role grant of the persona file, as an access manager gives it in role management (RMA).
 *
 * @param personId   persona id of the person who holds (or was proposed) the role
 * @param enterprise enterprise the role is held for
 * @param eServiceId e-service id ({@code NCTS}, {@code PLDA}, {@code EMCS}...)
 * @param roleName   role name
 * @param state      proposed, accepted or revoked
 * @param validFrom  start of validity
 * @param validUntil end of validity, if any
 */
public record PersonaRole(String personId, EnterpriseNumber enterprise, String eServiceId, String roleName,
                          RoleState state, Instant validFrom, Optional<Instant> validUntil) {
    public PersonaRole {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(enterprise, "enterprise");
        Objects.requireNonNull(eServiceId, "eServiceId");
        Objects.requireNonNull(roleName, "roleName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (validUntil.isPresent() && !validUntil.get().isAfter(validFrom)) {
            throw new IllegalArgumentException("a role ends after it starts");
        }
    }

    /** The core form of this grant. */
    public RoleGrant toRoleGrant() {
        return new RoleGrant(eServiceId, enterprise, roleName, state, validFrom, validUntil);
    }
}
