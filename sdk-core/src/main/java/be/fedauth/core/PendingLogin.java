package be.fedauth.core;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What must survive the browser's round trip to the identity provider: the provider, the
 * {@code state}, the OIDC {@code nonce} and PKCE verifier or the SAML request id, what was
 * requested, and when it expires. Seal it with {@link PendingLoginSealer} for a cookie, or keep it in
 * a {@link be.fedauth.core.spi.PendingLoginStore}.
 *
 * <p>{@link #toString()} hides the state, nonce and verifier.
 *
 * @param provider the provider that started the login
 * @param state the random value that binds the callback to this browser
 * @param nonce the OIDC nonce
 * @param codeVerifier the PKCE code verifier (a secret)
 * @param requestId the SAML AuthnRequest ID
 * @param minimumLevel the level the login must reach
 * @param keys the keys requested
 * @param eServiceId the e-service the login is for
 * @param returnTo the local path to return to
 * @param language the user's language
 * @param createdAt when the login started
 * @param expiresAt after this the callback is refused
 */
public record PendingLogin(ProviderId provider, String state, Optional<String> nonce, Optional<String> codeVerifier,
                           Optional<String> requestId, Optional<AssuranceLevel> minimumLevel, Set<DigitalKey> keys,
                           Optional<String> eServiceId, Optional<String> returnTo, Language language,
                           Instant createdAt, Instant expiresAt) {

    /** How long a login may take by default: 10 minutes. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);

    /** Validates and copies. */
    public PendingLogin {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(minimumLevel, "minimumLevel");
        keys = keys.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(keys));
        Objects.requireNonNull(eServiceId, "eServiceId");
        Objects.requireNonNull(returnTo, "returnTo");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (state.isEmpty()) {
            throw new IllegalArgumentException("state is empty");
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a pending login expires after it is created");
        }
    }

    /**
     * A pending login for a request, with the values a protocol adds through {@link Builder}.
     *
     * @param provider the provider starting the login
     * @param request what the application asked
     * @param state the state value (random, from {@link be.fedauth.core.spi.RandomValues})
     * @param now the current time
     */
    public static Builder builder(ProviderId provider, LoginRequest request, String state, Instant now) {
        return new Builder(provider, request, state, now);
    }

    /** Whether it has expired at {@code now}. */
    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "PendingLogin[provider=" + provider + ", nonce=" + nonce.map(n -> "***").orElse("none")
                + ", codeVerifier=" + codeVerifier.map(n -> "***").orElse("none") + ", requestId="
                + requestId.map(n -> "present").orElse("none") + ", minimumLevel=" + minimumLevel.map(Enum::name).orElse("none")
                + ", keys=" + keys + ", eService=" + eServiceId.orElse("none") + ", expiresAt=" + expiresAt + "]";
    }

    /** Builds a {@link PendingLogin}. Not thread-safe. */
    public static final class Builder {
        private final ProviderId provider;
        private final LoginRequest request;
        private final String state;
        private final Instant now;
        private Optional<String> nonce = Optional.empty();
        private Optional<String> codeVerifier = Optional.empty();
        private Optional<String> requestId = Optional.empty();
        private Duration lifetime = DEFAULT_LIFETIME;

        private Builder(ProviderId provider, LoginRequest request, String state, Instant now) {
            this.provider = Objects.requireNonNull(provider, "provider");
            this.request = Objects.requireNonNull(request, "request");
            this.state = Objects.requireNonNull(state, "state");
            this.now = Objects.requireNonNull(now, "now");
        }

        /** The OIDC nonce. */
        public Builder nonce(String value) {
            this.nonce = Optional.of(Objects.requireNonNull(value, "nonce"));
            return this;
        }

        /** The PKCE code verifier. */
        public Builder codeVerifier(String value) {
            this.codeVerifier = Optional.of(Objects.requireNonNull(value, "codeVerifier"));
            return this;
        }

        /** The SAML request id. */
        public Builder requestId(String value) {
            this.requestId = Optional.of(Objects.requireNonNull(value, "requestId"));
            return this;
        }

        /** How long the login may take (default 10 minutes, at most one hour). */
        public Builder lifetime(Duration value) {
            Objects.requireNonNull(value, "lifetime");
            if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofHours(1)) > 0) {
                throw new ConfigurationException("a pending login lives between 1 second and 1 hour");
            }
            this.lifetime = value;
            return this;
        }

        /** The pending login. */
        public PendingLogin build() {
            return new PendingLogin(provider, state, nonce, codeVerifier, requestId, request.effectiveMinimumLevel(),
                    request.keys(), request.eService().map(EService::id), request.returnTo(), request.language(),
                    now, now.plus(lifetime));
        }
    }
}
