package be.fedauth.core;

import be.fedauth.core.internal.AccessTexts;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link AccessPolicy}: permitted, and on what basis, or denied with a reason.
 *
 * @param basis why access is permitted, or {@link Basis#DENIED}
 * @param reason the reason for a denial
 * @param eService the e-service asked for
 * @param enterprise the enterprise in whose name
 * @param grantor for a denial, who can grant the missing role (empty for a permit, a proposed role the
 *                user must accept, and the mandate reasons)
 */
public record AccessDecision(Basis basis, Optional<ErrorCode> reason, EService eService, EnterpriseNumber enterprise,
                             Optional<Grantor> grantor) {

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

    /** Validates: a denial has a reason, a permit has none and no grantor. */
    public AccessDecision {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(eService, "eService");
        Objects.requireNonNull(enterprise, "enterprise");
        Objects.requireNonNull(grantor, "grantor");
        if ((basis == Basis.DENIED) != reason.isPresent()) {
            throw new IllegalArgumentException("a denial, and only a denial, has a reason");
        }
        if (basis != Basis.DENIED && grantor.isPresent()) {
            throw new IllegalArgumentException("only a denial names a grantor");
        }
    }

    /** A decision without a grantor. */
    public AccessDecision(Basis basis, Optional<ErrorCode> reason, EService eService, EnterpriseNumber enterprise) {
        this(basis, reason, eService, enterprise, Optional.empty());
    }

    /** Whether access is permitted. */
    public boolean isPermitted() {
        return basis != Basis.DENIED;
    }

    /**
     * What to tell a denied user, with the e-service's helpdesk; empty when permitted. When the decision
     * names a {@link Grantor} other than the local manager, the message says whom to ask (the access
     * manager of the domain, the Chief Access Manager, the legal representative) or that the user can
     * grant the role to themselves.
     */
    public Optional<Guidance> guidance(Language language) {
        return reason.map(code -> {
            Guidance general = Guidance.of(code, language, eService);
            return grantor.flatMap(g -> AccessTexts.message(code, g, language))
                    .map(message -> new Guidance(code, language, message, general.helpdesk())).orElse(general);
        });
    }
}
