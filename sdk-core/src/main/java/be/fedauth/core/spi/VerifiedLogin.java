package be.fedauth.core.spi;

import be.fedauth.core.Identity;
import be.fedauth.core.Mandate;
import be.fedauth.core.RoleGrant;
import be.fedauth.core.SessionReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a protocol module proved about one callback, handed to {@link be.fedauth.core.LoginChecks}
 * for the rules every login shares (level reached, key not retired, single use, audit). Only the
 * checks turn it into an {@link be.fedauth.core.AuthenticatedUser}.
 *
 * @param identity who the identity provider says the user is
 * @param achieved the level reached, and the key when the response named one
 * @param authenticatedAt when the user authenticated at the identity provider
 * @param roles role grants released
 * @param mandates mandates released
 * @param session what the protocol needs for logout and refresh
 * @param notAfter the identity provider's own limit on the session, if it sets one
 * @param details protocol values for the audit trail (never personal data or secrets)
 */
public record VerifiedLogin(Identity identity, AchievedLevel achieved, Instant authenticatedAt, List<RoleGrant> roles,
                            List<Mandate> mandates, SessionReference session, Optional<Instant> notAfter,
                            Map<String, String> details) {

    /** Validates and copies. */
    public VerifiedLogin {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(achieved, "achieved");
        Objects.requireNonNull(authenticatedAt, "authenticatedAt");
        roles = List.copyOf(roles);
        mandates = List.copyOf(mandates);
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(notAfter, "notAfter");
        details = Map.copyOf(details);
    }
}
