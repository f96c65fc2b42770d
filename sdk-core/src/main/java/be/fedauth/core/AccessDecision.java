package be.fedauth.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link AccessPolicy}: permitted, and on what basis, or denied with a reason.
 *
 * @param basis why access is permitted, or {@link Basis#DENIED}
 * @param reason the reason for a denial
 * @param eService the e-service asked for
 * @param enterprise the enterprise in whose name
 */
public record AccessDecision(Basis basis, Optional<ErrorCode> reason, EService eService, EnterpriseNumber enterprise) {

    /** On what grounds access is permitted. */
    public enum Basis {
        /** The user is the enterprise's local manager. */
        LOCAL_MANAGER,
        /** The user holds an accepted, current role for the e-service in the enterprise. */
        ROLE,
        /** The user holds an active mandate of the enterprise covering the e-service. */
        MANDATE,
        /** Access is denied; see {@link AccessDecision#reason()}. */
        DENIED
    }

    /** Validates: a denial has a reason, a permit has none. */
    public AccessDecision {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(eService, "eService");
        Objects.requireNonNull(enterprise, "enterprise");
        if ((basis == Basis.DENIED) != reason.isPresent()) {
            throw new IllegalArgumentException("a denial, and only a denial, has a reason");
        }
    }

    /** Whether access is permitted. */
    public boolean isPermitted() {
        return basis != Basis.DENIED;
    }

    /** What to tell a denied user, with the e-service's helpdesk; empty when permitted. */
    public Optional<Guidance> guidance(Language language) {
        return reason.map(code -> Guidance.of(code, language, eService));
    }
}
