package be.fedauth.saml;

import be.fedauth.core.ConfigurationException;
import be.fedauth.core.KeyRetirements;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.ProviderId;
import be.fedauth.core.spi.AuditSink;
import be.fedauth.core.spi.RandomValues;
import be.fedauth.core.spi.ReplayCache;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of a {@link SamlProvider}, made with {@link #builder}. Defaults: the FAS profile,
 * HTTP-Redirect requests, signed assertions required, no unsolicited responses, encrypted assertions
 * accepted but not required, 60 s clock skew (at most 5 minutes), the system clock, an in-memory
 * replay cache of 100,000 entries, secure random values, 10-minute pending logins, responses up to
 * 256 KiB, messages issued at most 10 minutes ago (plus the skew), the standard key retirements.
 *
 * <p>Immutable and thread-safe: {@link Builder#build()} copies the builder, so changing the builder
 * afterwards changes nothing built from it. {@link #toBuilder()} makes variants.
 */
public final class SamlSettings {
    private static final Duration MAX_SKEW = Duration.ofMinutes(5);

    /** The values: a private copy of the builder that nothing else can reach or change. */
    private final Builder v;

    private SamlSettings(Builder b) {
        v = b.copy();
        if (v.replayCache == null) {
            v.replayCache = ReplayCache.inMemory(v.clock, 100_000, v.audit);
        }
    }

    /**
     * A builder.
     *
     * @param id this provider's id (for example "fas-saml" or "social-security")
     * @param spEntityId the SP's entity id, registered at the identity provider
     * @param acsUrl the SP's assertion consumer service URL (HTTP-POST)
     * @param keys the SP's keys
     * @param idp the identity provider's metadata
     */
    public static Builder builder(ProviderId id, String spEntityId, URI acsUrl, SpKeys keys, IdpMetadataSource idp) {
        return new Builder(id, spEntityId, acsUrl, keys, idp);
    }

    /** This provider's id. */
    public ProviderId id() { return v.id; }
    /** The SP's entity id. */
    public String spEntityId() { return v.spEntityId; }
    /** The SP's assertion consumer service URL. */
    public URI acsUrl() { return v.acsUrl; }
    /** The SP's keys. */
    public SpKeys keys() { return v.keys; }
    /** The identity provider's metadata. */
    public IdpMetadataSource idp() { return v.idp; }
    /** The identity provider's profile. */
    public SamlProfile profile() { return v.profile; }
    /** How requests travel. */
    public SamlBinding binding() { return v.binding; }
    /** The SP's Single Logout URL, when set. */
    public Optional<URI> singleLogoutUrl() { return v.singleLogoutUrl; }
    /** The clock every validity check reads. */
    public Clock clock() { return v.clock; }
    /** The tolerated clock difference with the identity provider. */
    public Duration clockSkew() { return v.clockSkew; }
    /** Where used states, assertion ids and LogoutRequest ids are remembered. */
    public ReplayCache replayCache() { return v.replayCache; }
    /** The source of request ids and states. */
    public RandomValues random() { return v.random; }
    /** Where audit events go. */
    public AuditSink auditSink() { return v.audit; }
    /** The key that pseudonymises national numbers in audit events, when set. */
    public Optional<byte[]> auditPseudonymKey() { return v.auditPseudonymKey.map(byte[]::clone); }
    /** The keys refused from a date. */
    public KeyRetirements retirements() { return v.retirements; }
    /** How long a login may take. */
    public Duration pendingLoginLifetime() { return v.pendingLoginLifetime; }
    /** Whether an assertion covered only by the Response's signature is accepted. */
    public boolean acceptResponseSignatureOnly() { return v.acceptResponseSignatureOnly; }
    /** Whether unsolicited responses are accepted. */
    public boolean allowUnsolicitedResponses() { return v.allowUnsolicited; }
    /** Whether only encrypted assertions are accepted. */
    public boolean requireEncryptedAssertions() { return v.requireEncryptedAssertions; }
    /** The largest decoded response accepted. */
    public int maxResponseBytes() { return v.maxResponseBytes; }
    /** The oldest IssueInstant accepted, before the clock skew. */
    public Duration maxIssueAge() { return v.maxIssueAge; }

    /** A builder with these values. */
    public Builder toBuilder() {
        return v.copy();
    }

    @Override
    public String toString() {
        return "SamlSettings[" + v.id + ", sp=" + v.spEntityId + ", idp=" + v.idp.entityId() + ", binding=" + v.binding
                + ", skew=" + v.clockSkew + ", maxIssueAge=" + v.maxIssueAge
                + (v.acceptResponseSignatureOnly ? ", acceptResponseSignatureOnly" : "")
                + (v.allowUnsolicited ? ", allowUnsolicitedResponses" : "")
                + (v.requireEncryptedAssertions ? ", requireEncryptedAssertions" : "") + "]";
    }

    /** Builds {@link SamlSettings}. Not thread-safe. */
    public static final class Builder {
        private final ProviderId id;
        private final String spEntityId;
        private final URI acsUrl;
        private final SpKeys keys;
        private final IdpMetadataSource idp;
        private SamlProfile profile = SamlProfile.fas();
        private SamlBinding binding = SamlBinding.REDIRECT;
        private Optional<URI> singleLogoutUrl = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private Duration clockSkew = Duration.ofSeconds(60);
        private ReplayCache replayCache;
        private RandomValues random = RandomValues.secure();
        private AuditSink audit = AuditSink.NONE;
        private Optional<byte[]> auditPseudonymKey = Optional.empty();
        private KeyRetirements retirements = KeyRetirements.standard();
        private Duration pendingLoginLifetime = PendingLogin.DEFAULT_LIFETIME;
        private boolean acceptResponseSignatureOnly;
        private boolean allowUnsolicited;
        private boolean requireEncryptedAssertions;
        private int maxResponseBytes = 256 * 1024;
        private Duration maxIssueAge = Duration.ofMinutes(10);

        private Builder(ProviderId id, String spEntityId, URI acsUrl, SpKeys keys, IdpMetadataSource idp) {
            this.id = Objects.requireNonNull(id, "id");
            this.spEntityId = Objects.requireNonNull(spEntityId, "spEntityId");
            this.acsUrl = Objects.requireNonNull(acsUrl, "acsUrl");
            this.keys = Objects.requireNonNull(keys, "keys");
            this.idp = Objects.requireNonNull(idp, "idp");
        }

        /** The identity provider's profile (default {@link SamlProfile#fas()}). */
        public Builder profile(SamlProfile value) {
            this.profile = Objects.requireNonNull(value, "profile");
            return this;
        }

        /** How requests travel (default {@link SamlBinding#REDIRECT}, as FAS documents). */
        public Builder requestBinding(SamlBinding value) {
            this.binding = Objects.requireNonNull(value, "binding");
            return this;
        }

        /** The SP's Single Logout URL (HTTP-Redirect), published in the metadata and checked as Destination. */
        public Builder singleLogoutUrl(URI value) {
            this.singleLogoutUrl = Optional.of(Objects.requireNonNull(value, "singleLogoutUrl"));
            return this;
        }

        /** The clock every validity check reads. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The tolerated clock difference with the identity provider (default 60 s, at most 5 minutes). */
        public Builder clockSkew(Duration value) {
            this.clockSkew = Objects.requireNonNull(value, "clockSkew");
            return this;
        }

        /**
         * The replay cache for assertion IDs and the IdP's LogoutRequest IDs (default: in memory, one node).
         * Use a shared one behind a load balancer.
         */
        public Builder replayCache(ReplayCache value) {
            this.replayCache = Objects.requireNonNull(value, "replayCache");
            return this;
        }

        /** The source of request ids and states (default {@link RandomValues#secure()}). */
        public Builder randomValues(RandomValues value) {
            this.random = Objects.requireNonNull(value, "randomValues");
            return this;
        }

        /** Where audit events go (default {@link AuditSink#NONE}). */
        public Builder auditSink(AuditSink value) {
            this.audit = Objects.requireNonNull(value, "auditSink");
            return this;
        }

        /**
         * A secret of at least 16 bytes: {@code login_succeeded} events then carry a pseudonym of the
         * national number ({@link be.fedauth.core.spi.AuditEvent#pseudonym}); without it they carry none.
         */
        public Builder auditPseudonymKey(byte[] value) {
            if (value.length < 16) {
                throw new ConfigurationException("an audit pseudonym key has at least 16 bytes");
            }
            this.auditPseudonymKey = Optional.of(value.clone());
            return this;
        }

        /** The keys refused from a date (default {@link KeyRetirements#standard()}). */
        public Builder retirements(KeyRetirements value) {
            this.retirements = Objects.requireNonNull(value, "retirements");
            return this;
        }

        /** How long a login may take (default 10 minutes). */
        public Builder pendingLoginLifetime(Duration value) {
            this.pendingLoginLifetime = Objects.requireNonNull(value, "pendingLoginLifetime");
            return this;
        }

        /**
         * Accepts an assertion, plain or encrypted, that is covered only by the Response's signature (an
         * IdP that signs the document but not the assertion, such as Keycloak with "Sign assertions" off).
         * The Response must then be signed; its signature is verified before any decryption and covers the
         * EncryptedAssertion. By default the assertion itself must be signed (FAS signs both). Logged at WARN.
         */
        public Builder acceptResponseSignatureOnly() {
            this.acceptResponseSignatureOnly = true;
            return this;
        }

        /** Accepts IdP-initiated (unsolicited) responses, without InResponseTo. Logged at WARN. */
        public Builder allowUnsolicitedResponses() {
            this.allowUnsolicited = true;
            return this;
        }

        /** Refuses plain assertions: only encrypted ones are accepted. */
        public Builder requireEncryptedAssertions() {
            this.requireEncryptedAssertions = true;
            return this;
        }

        /** The largest decoded response accepted (default 256 KiB, between 4 KiB and 384 KiB). */
        public Builder maxResponseBytes(int value) {
            this.maxResponseBytes = value;
            return this;
        }

        /**
         * The oldest IssueInstant accepted on the Response and on the assertion, before the clock skew
         * (default 10 minutes, between 1 minute and 1 hour): a genuine message is not accepted long after
         * the identity provider made it.
         */
        public Builder maxIssueAge(Duration value) {
            this.maxIssueAge = Objects.requireNonNull(value, "maxIssueAge");
            return this;
        }

        /**
         * The settings.
         *
         * @throws ConfigurationException when a setting is out of range
         */
        public SamlSettings build() {
            if (clockSkew.isNegative() || clockSkew.compareTo(MAX_SKEW) > 0) {
                throw new ConfigurationException("the clock skew is between 0 and 5 minutes");
            }
            if (maxResponseBytes < 4096 || maxResponseBytes > 384 * 1024) {
                throw new ConfigurationException("maxResponseBytes is between 4 KiB and 384 KiB");
            }
            if (pendingLoginLifetime.isNegative() || pendingLoginLifetime.isZero()
                    || pendingLoginLifetime.compareTo(Duration.ofHours(1)) > 0) {
                throw new ConfigurationException("a pending login lives between 1 second and 1 hour");
            }
            if (maxIssueAge.compareTo(Duration.ofMinutes(1)) < 0 || maxIssueAge.compareTo(Duration.ofHours(1)) > 0) {
                throw new ConfigurationException("maxIssueAge is between 1 minute and 1 hour");
            }
            checkUrl(acsUrl, "acsUrl");
            singleLogoutUrl.ifPresent(u -> checkUrl(u, "singleLogoutUrl"));
            if (spEntityId.isBlank()) {
                throw new ConfigurationException("the SP entity id is blank");
            }
            return new SamlSettings(this);
        }

        private Builder copy() {
            Builder b = new Builder(id, spEntityId, acsUrl, keys, idp);
            b.profile = profile;
            b.binding = binding;
            b.singleLogoutUrl = singleLogoutUrl;
            b.clock = clock;
            b.clockSkew = clockSkew;
            b.replayCache = replayCache;
            b.random = random;
            b.audit = audit;
            b.auditPseudonymKey = auditPseudonymKey.map(byte[]::clone);
            b.retirements = retirements;
            b.pendingLoginLifetime = pendingLoginLifetime;
            b.acceptResponseSignatureOnly = acceptResponseSignatureOnly;
            b.allowUnsolicited = allowUnsolicited;
            b.requireEncryptedAssertions = requireEncryptedAssertions;
            b.maxResponseBytes = maxResponseBytes;
            b.maxIssueAge = maxIssueAge;
            return b;
        }

        private static void checkUrl(URI url, String name) {
            if (!url.isAbsolute() || url.getHost() == null || url.getFragment() != null
                    || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
                throw new ConfigurationException(name + " must be an absolute http(s) URL without fragment");
            }
        }
    }
}
