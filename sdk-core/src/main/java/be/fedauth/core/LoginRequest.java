package be.fedauth.core;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an application asks for when it starts a login. Immutable; made with {@link #builder()}.
 *
 * <p>Without a minimum level or keys, no particular key or level is requested and the identity
 * provider offers what it offers. With keys, only those keys are requested. With a minimum level,
 * a login below it fails in {@code finishLogin} with {@link ErrorCode#LEVEL_TOO_LOW}.
 */
public final class LoginRequest {
    private final Optional<EService> eService;
    private final Optional<AssuranceLevel> minimumLevel;
    private final Set<DigitalKey> keys;
    private final Language language;
    private final Optional<ProviderId> provider;
    private final Optional<String> returnTo;

    private LoginRequest(Builder b) {
        this.eService = b.eService;
        this.minimumLevel = b.minimumLevel;
        this.keys = b.keys.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(b.keys));
        this.language = b.language;
        this.provider = b.provider;
        this.returnTo = b.returnTo;
    }

    /** A new builder: no e-service, no level, no keys, French. */
    public static Builder builder() {
        return new Builder();
    }

    /** The e-service the user wants to reach. */
    public Optional<EService> eService() {
        return eService;
    }

    /** The lowest acceptable level. */
    public Optional<AssuranceLevel> minimumLevel() {
        return minimumLevel;
    }

    /** The keys the user may use; empty for any. */
    public Set<DigitalKey> keys() {
        return keys;
    }

    /** The language of the identity provider's pages. */
    public Language language() {
        return language;
    }

    /** The provider to use, where several are offered (a transition). */
    public Optional<ProviderId> provider() {
        return provider;
    }

    /** A local path to return to after login, kept in the pending login. */
    public Optional<String> returnTo() {
        return returnTo;
    }

    /**
     * The level the login must reach: the minimum level if set, else the lowest level of the requested
     * keys, else empty.
     */
    public Optional<AssuranceLevel> effectiveMinimumLevel() {
        if (minimumLevel.isPresent()) {
            return minimumLevel;
        }
        return keys.stream().map(DigitalKey::level).min(Enum::compareTo);
    }

    /** A builder with this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.eService = eService;
        b.minimumLevel = minimumLevel;
        b.keys = keys.isEmpty() ? EnumSet.noneOf(DigitalKey.class) : EnumSet.copyOf(keys);
        b.language = language;
        b.provider = provider;
        b.returnTo = returnTo;
        return b;
    }

    @Override
    public String toString() {
        return "LoginRequest[eService=" + eService.map(EService::id).orElse("none") + ", minimumLevel="
                + minimumLevel.map(Enum::name).orElse("none") + ", keys=" + keys + ", language=" + language
                + ", provider=" + provider.map(ProviderId::value).orElse("any") + "]";
    }

    /** Builds a {@link LoginRequest}. Not thread-safe. */
    public static final class Builder {
        private Optional<EService> eService = Optional.empty();
        private Optional<AssuranceLevel> minimumLevel = Optional.empty();
        private EnumSet<DigitalKey> keys = EnumSet.noneOf(DigitalKey.class);
        private Language language = Language.FR;
        private Optional<ProviderId> provider = Optional.empty();
        private Optional<String> returnTo = Optional.empty();

        private Builder() {
        }

        /** The e-service the user wants to reach. */
        public Builder eService(EService value) {
            this.eService = Optional.of(Objects.requireNonNull(value, "eService"));
            return this;
        }

        /** The lowest acceptable level. */
        public Builder minimumLevel(AssuranceLevel value) {
            this.minimumLevel = Optional.of(Objects.requireNonNull(value, "minimumLevel"));
            return this;
        }

        /** The keys the user may use. */
        public Builder keys(Set<DigitalKey> value) {
            this.keys = value.isEmpty() ? EnumSet.noneOf(DigitalKey.class) : EnumSet.copyOf(value);
            return this;
        }

        /** One key the user may use, added to the others. */
        public Builder key(DigitalKey value) {
            this.keys.add(Objects.requireNonNull(value, "key"));
            return this;
        }

        /** The language of the identity provider's pages. */
        public Builder language(Language value) {
            this.language = Objects.requireNonNull(value, "language");
            return this;
        }

        /** The provider to use when several are offered. */
        public Builder provider(ProviderId value) {
            this.provider = Optional.of(Objects.requireNonNull(value, "provider"));
            return this;
        }

        /**
         * A local path ("/ncts/declarations") to return to after login. Absolute URLs and
         * protocol-relative paths are refused, so the value cannot be used as an open redirect.
         */
        public Builder returnTo(String path) {
            Objects.requireNonNull(path, "returnTo");
            if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\") || path.length() > 512
                    || path.chars().anyMatch(c -> c < 0x21 || c == '\\')) {
                throw new ConfigurationException("returnTo must be a local path");
            }
            this.returnTo = Optional.of(path);
            return this;
        }

        /** The request. */
        public LoginRequest build() {
            return new LoginRequest(this);
        }
    }
}
