package be.fedauth.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A user whose login a provider has verified. Only providers build it, after every check passed.
 *
 * @param identity who the user is
 * @param key the digital key used
 * @param level the level achieved (never below the one requested)
 * @param provider the provider that verified the login
 * @param authenticatedAt when the user authenticated at the identity provider
 * @param roles role grants the identity provider released (any state; {@link AccessPolicy} decides)
 * @param mandates mandates the identity provider released
 * @param notices things to tell the user, such as the end of a grace period
 * @param session what the provider needs for logout and refresh
 */
public record AuthenticatedUser(Identity identity, DigitalKey key, AssuranceLevel level, ProviderId provider,
                                Instant authenticatedAt, List<RoleGrant> roles, List<Mandate> mandates,
                                List<Notice> notices, SessionReference session) {

    /** Validates and copies. */
    public AuthenticatedUser {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(authenticatedAt, "authenticatedAt");
        roles = List.copyOf(roles);
        mandates = List.copyOf(mandates);
        notices = List.copyOf(notices);
        Objects.requireNonNull(session, "session");
    }

    /** A copy with one more notice. */
    public AuthenticatedUser withNotice(Notice notice) {
        List<Notice> more = new ArrayList<>(notices);
        more.add(Objects.requireNonNull(notice, "notice"));
        return new AuthenticatedUser(identity, key, level, provider, authenticatedAt, roles, mandates, more, session);
    }
}
