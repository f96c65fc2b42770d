package be.fedauth.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * @param notAfter the last instant the identity provider allows this session (SAML
 *     {@code SessionNotOnOrAfter}, or the ID token's expiry where the provider is configured to bind
 *     the session to it); empty when it sets no limit
 */
public record AuthenticatedUser(Identity identity, DigitalKey key, AssuranceLevel level, ProviderId provider,
                                Instant authenticatedAt, List<RoleGrant> roles, List<Mandate> mandates,
                                List<Notice> notices, SessionReference session, Optional<Instant> notAfter) {

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
        Objects.requireNonNull(notAfter, "notAfter");
    }

    /** A user whose identity provider sets no session limit. */
    public AuthenticatedUser(Identity identity, DigitalKey key, AssuranceLevel level, ProviderId provider,
                             Instant authenticatedAt, List<RoleGrant> roles, List<Mandate> mandates,
                             List<Notice> notices, SessionReference session) {
        this(identity, key, level, provider, authenticatedAt, roles, mandates, notices, session, Optional.empty());
    }

    /** A copy whose session ends at the latest at {@code limit} (the earlier of it and the current limit). */
    public AuthenticatedUser withNotAfter(Instant limit) {
        Objects.requireNonNull(limit, "limit");
        Instant earliest = notAfter.filter(t -> t.isBefore(limit)).orElse(limit);
        return new AuthenticatedUser(identity, key, level, provider, authenticatedAt, roles, mandates, notices, session,
                Optional.of(earliest));
    }

    /** A copy with one more notice. */
    public AuthenticatedUser withNotice(Notice notice) {
        List<Notice> more = new ArrayList<>(notices);
        more.add(Objects.requireNonNull(notice, "notice"));
        return new AuthenticatedUser(identity, key, level, provider, authenticatedAt, roles, mandates, more, session,
                notAfter);
    }
}
