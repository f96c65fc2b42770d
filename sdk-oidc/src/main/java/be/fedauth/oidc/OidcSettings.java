package be.fedauth.oidc;

import be.fedauth.core.ConfigurationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.KeyRetirements;
import be.fedauth.core.ProviderId;
import be.fedauth.core.spi.AuditSink;
import be.fedauth.core.spi.IdentityNames;
import be.fedauth.core.spi.LevelVocabulary;
import be.fedauth.core.spi.RandomValues;
import be.fedauth.core.spi.ReplayCache;
import be.fedauth.oidc.internal.SettingsChecks;
import be.fedauth.oidc.internal.SettingsText;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything an {@link OidcProvider} needs. Immutable and thread-safe; made with
 * {@link #fasIntegration}, {@link #fasProduction}, {@link #builder} (FAS profile) or {@link #generic}
 * (any OpenID provider), every value overridable.
 *
 * <p>Secure by default: https only (loopback http only after {@link Builder#allowHttpForLoopback()}),
 * ID tokens signed with RS256, PS256 or ES256 ({@code none} and HMAC cannot be allowed), 60 s clock
 * skew (at most 5 min), 2 s connect and 5 s read timeouts, responses above 256 KiB refused.
 */
public final class OidcSettings {
    /** The algorithms allowed by default. */
    public static final Set<String> DEFAULT_ALGORITHMS = Set.of("RS256", "PS256", "ES256");

    /** The values: a private copy of the builder that nothing else can reach or change. */
    private final Builder v;
    private final List<String> scopes;
    private final Set<String> algorithms;
    private final Set<DigitalKey> keys;
    private final ReplayCache replayCache;

    private OidcSettings(Builder b) {
        v = b.copy();
        scopes = List.copyOf(b.scopes);
        algorithms = Set.copyOf(b.algorithms);
        keys = Set.copyOf(b.keys == null ? b.vocabulary.namedKeys() : b.keys);
        replayCache = b.replayCache.orElseGet(() -> ReplayCache.inMemory(b.clock, 100_000, b.auditSink));
        v.replayCache = Optional.of(replayCache);
    }

    /** FAS integration ({@code https://idp.iamfas.int.belgium.be/fas/oauth2}), endpoints preset, no discovery. */
    public static Builder fasIntegration(String clientId, URI redirectUri, ClientAuthentication authentication) {
        return fas("https://idp.iamfas.int.belgium.be/fas/oauth2", clientId, redirectUri, authentication);
    }

    /** FAS production ({@code https://idp.iamfas.belgium.be/fas/oauth2}), endpoints preset, no discovery. */
    public static Builder fasProduction(String clientId, URI redirectUri, ClientAuthentication authentication) {
        return fas("https://idp.iamfas.belgium.be/fas/oauth2", clientId, redirectUri, authentication);
    }

    private static Builder fas(String issuer, String clientId, URI redirectUri, ClientAuthentication authentication) {
        // The endpoint paths are public (fas-reference.md); FAS's discovery document is not, so presets
        // do not depend on it. discovery(true) turns it on.
        return builder(URI.create(issuer), clientId, redirectUri, authentication)
                .authorizationEndpoint(URI.create(issuer + "/authorize"))
                .tokenEndpoint(URI.create(issuer + "/access_token"))
                .userinfoEndpoint(URI.create(issuer + "/userinfo"))
                .jwksUri(URI.create(issuer + "/connect/jwk_uri"))
                .endSessionEndpoint(URI.create(issuer + "/connect/endSession"))
                .discovery(false);
    }

    /**
     * Any OpenID provider, generic profile: provider id "oidc", scopes {@code openid profile email}, claims
     * {@link OidcClaimNames#STANDARD}, national number not required, levels {@link GenericLevels#VOCABULARY}
     * (yours from {@link GenericLevels#builder()}), the keys the vocabulary names. Endpoints from discovery.
     */
    public static Builder generic(URI issuer, String clientId, URI redirectUri, ClientAuthentication authentication) {
        Builder b = builder(issuer, clientId, redirectUri, authentication).providerId(ProviderId.of("oidc"))
                .scopes(List.of("openid", "profile", "email")).claimNames(OidcClaimNames.STANDARD)
                .vocabulary(GenericLevels.VOCABULARY);
        b.keys = null;
        return b;
    }

    /**
     * Any OpenID provider, FAS profile: endpoints come from discovery ({@code <issuer>/.well-known/openid-configuration})
     * unless set explicitly. Provider id "fas-oidc", FAS scopes and levels, system UTC clock.
     */
    public static Builder builder(URI issuer, String clientId, URI redirectUri, ClientAuthentication authentication) {
        return new Builder(issuer, clientId, redirectUri, authentication);
    }

    /** The provider id recorded in pending logins and users (default "fas-oidc"). */
    public ProviderId providerId() { return v.providerId; }
    /** The issuer: the only {@code iss} accepted, with {@link #issuerAlias()}. */
    public URI issuer() { return v.issuer; }
    /** One more issuer value accepted, when declared (FAS integration's {@code http://...:80} form). */
    public Optional<URI> issuerAlias() { return v.issuerAlias; }
    /** The client id. */
    public String clientId() { return v.clientId; }
    /** The redirect URI registered at the identity provider. */
    public URI redirectUri() { return v.redirectUri; }
    /** How the client authenticates at the token endpoint. */
    public ClientAuthentication clientAuthentication() { return v.clientAuthentication; }
    /** The scopes requested, {@code openid} first. */
    public List<String> scopes() { return scopes; }
    /** Whether the discovery document is fetched (explicit endpoints still win). */
    public boolean discovery() { return v.discovery; }
    /** The authorization endpoint, when set explicitly. */
    public Optional<URI> authorizationEndpoint() { return v.authorizationEndpoint; }
    /** The token endpoint, when set explicitly. */
    public Optional<URI> tokenEndpoint() { return v.tokenEndpoint; }
    /** The userinfo endpoint, when set explicitly. */
    public Optional<URI> userinfoEndpoint() { return v.userinfoEndpoint; }
    /** The JWKS URL, when set explicitly. */
    public Optional<URI> jwksUri() { return v.jwksUri; }
    /** The end-session endpoint, when set explicitly. */
    public Optional<URI> endSessionEndpoint() { return v.endSessionEndpoint; }
    /** The JWS algorithms accepted for ID tokens and userinfo. */
    public Set<String> algorithms() { return algorithms; }
    /** The clock skew tolerated on time claims. */
    public Duration clockSkew() { return v.clockSkew; }
    /** The HTTP connect timeout. */
    public Duration connectTimeout() { return v.connectTimeout; }
    /** The HTTP read timeout: a whole call, body included, ends within the connect and read timeouts together. */
    public Duration readTimeout() { return v.readTimeout; }
    /** The largest response body accepted. */
    public int maxResponseBytes() { return v.maxResponseBytes; }
    /** How long a fetched JWKS is used before it is fetched again. */
    public Duration jwksCacheTtl() { return v.jwksCacheTtl; }
    /** The shortest time between two fetches forced by an unknown {@code kid}. */
    public Duration jwksRefetchInterval() { return v.jwksRefetchInterval; }
    /** How long the last JWKS keeps being used while the identity provider cannot be reached. */
    public Duration jwksOutageTolerance() { return v.jwksOutageTolerance; }
    /** How long the discovery document is used. */
    public Duration metadataCacheTtl() { return v.metadataCacheTtl; }
    /** How long a failed discovery fetch is remembered before the next attempt (logins meanwhile get the same answer). */
    public Duration metadataFailureCacheTtl() { return v.metadataFailureCacheTtl; }
    /** The oldest an ID token (by {@code iat}) or a signed userinfo response may be. */
    public Duration maxTokenAge() { return v.maxTokenAge; }
    /** How long a login may take. */
    public Duration pendingLoginLifetime() { return v.pendingLoginLifetime; }
    /** Whether userinfo is fetched after the token exchange. */
    public boolean userinfo() { return v.userinfo; }
    /** The keys offered (before key retirements); the generic profile offers the vocabulary's named keys. */
    public Set<DigitalKey> keys() { return keys; }
    /** The claim names the identity is read from. */
    public IdentityNames claimNames() { return v.claimNames; }
    /** Whether a login without a national number is refused ({@code missing_claim}). */
    public boolean requireNationalNumber() { return v.requireNationalNumber; }
    /** The level vocabulary. */
    public LevelVocabulary vocabulary() { return v.vocabulary; }
    /** The clock every time check reads. */
    public Clock clock() { return v.clock; }
    /** The source of state, nonce and PKCE verifiers. */
    public RandomValues random() { return v.random; }
    /** Where used codes, states and ID tokens are remembered. */
    public ReplayCache replayCache() { return replayCache; }
    /** Where audit events go. */
    public AuditSink auditSink() { return v.auditSink; }
    /** Whether http is allowed for loopback hosts. */
    public boolean httpForLoopback() { return v.httpForLoopback; }
    /** The key that pseudonymises national numbers in audit events, when set. */
    public Optional<byte[]> auditPseudonymKey() { return v.auditPseudonymKey.map(byte[]::clone); }
    /** The keys refused from a date. */
    public KeyRetirements retirements() { return v.retirements; }
    /** Whether the application's session ends when the ID token expires. */
    public boolean sessionBoundToIdToken() { return v.sessionBoundToIdToken; }

    /** A builder with these values. */
    public Builder toBuilder() {
        return v.copy();
    }

    @Override
    public String toString() {
        return SettingsText.describe(this);
    }

    /** Builds {@link OidcSettings}. Not thread-safe. */
    public static final class Builder implements Cloneable {
        private ProviderId providerId = ProviderId.of("fas-oidc");
        private final URI issuer;
        private Optional<URI> issuerAlias = Optional.empty();
        private final String clientId;
        private final URI redirectUri;
        private final ClientAuthentication clientAuthentication;
        private Set<String> scopes = new LinkedHashSet<>(List.of("openid", "profile", "egovnrn", "roles"));
        private boolean discovery = true;
        private Optional<URI> authorizationEndpoint = Optional.empty();
        private Optional<URI> tokenEndpoint = Optional.empty();
        private Optional<URI> userinfoEndpoint = Optional.empty();
        private Optional<URI> jwksUri = Optional.empty();
        private Optional<URI> endSessionEndpoint = Optional.empty();
        private Set<String> algorithms = new LinkedHashSet<>(DEFAULT_ALGORITHMS);
        private Duration clockSkew = Duration.ofSeconds(60);
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration readTimeout = Duration.ofSeconds(5);
        private int maxResponseBytes = 256 * 1024;
        private Duration jwksCacheTtl = Duration.ofMinutes(15);
        private Duration jwksRefetchInterval = Duration.ofSeconds(30);
        private Duration jwksOutageTolerance = Duration.ofHours(4);
        private Duration metadataCacheTtl = Duration.ofHours(1);
        private Duration metadataFailureCacheTtl = Duration.ofSeconds(5);
        private Duration maxTokenAge = Duration.ofMinutes(10);
        private Duration pendingLoginLifetime = Duration.ofMinutes(10);
        private boolean userinfo = true;
        private Set<DigitalKey> keys = EnumSet.of(DigitalKey.EID, DigitalKey.ITSME, DigitalKey.PASSWORD_MOBILE_APP,
                DigitalKey.PASSWORD_EMAIL_CODE, DigitalKey.PASSWORD_TOKEN, DigitalKey.FOREIGN_EID);
        private LevelVocabulary vocabulary = FasLevels.VOCABULARY;
        private Clock clock = Clock.systemUTC();
        private RandomValues random = RandomValues.secure();
        private Optional<ReplayCache> replayCache = Optional.empty();
        private AuditSink auditSink = AuditSink.NONE;
        private boolean httpForLoopback;
        private Optional<byte[]> auditPseudonymKey = Optional.empty();
        private KeyRetirements retirements = KeyRetirements.standard();
        private boolean sessionBoundToIdToken;
        private IdentityNames claimNames = OidcClaimNames.FAS;
        private boolean requireNationalNumber;

        private Builder(URI issuer, String clientId, URI redirectUri, ClientAuthentication authentication) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
            this.clientAuthentication = Objects.requireNonNull(authentication, "authentication");
        }

        /** The provider id (default "fas-oidc"). */
        public Builder providerId(ProviderId value) { providerId = Objects.requireNonNull(value, "providerId"); return this; }

        /**
         * One more issuer value accepted in discovery and tokens, exactly as written (no normalisation):
         * for FAS integration, {@code http://idp.iamfas.int.belgium.be:80/fas/oauth2}.
         */
        public Builder issuerAlias(URI value) { issuerAlias = Optional.of(Objects.requireNonNull(value, "issuerAlias")); return this; }

        /** The scopes (default openid, profile, egovnrn, roles); {@code openid} is added when missing. */
        public Builder scopes(List<String> value) { scopes = new LinkedHashSet<>(value); return this; }

        /** Whether to fetch the discovery document (explicitly set endpoints still win). */
        public Builder discovery(boolean value) { discovery = value; return this; }

        /** The authorization endpoint. */
        public Builder authorizationEndpoint(URI value) { authorizationEndpoint = Optional.of(Objects.requireNonNull(value)); return this; }

        /** The token endpoint. */
        public Builder tokenEndpoint(URI value) { tokenEndpoint = Optional.of(Objects.requireNonNull(value)); return this; }

        /** The userinfo endpoint. */
        public Builder userinfoEndpoint(URI value) { userinfoEndpoint = Optional.of(Objects.requireNonNull(value)); return this; }

        /** The JWKS URL. */
        public Builder jwksUri(URI value) { jwksUri = Optional.of(Objects.requireNonNull(value)); return this; }

        /** The end-session endpoint (RP-initiated logout). */
        public Builder endSessionEndpoint(URI value) { endSessionEndpoint = Optional.of(Objects.requireNonNull(value)); return this; }

        /** The accepted JWS algorithms; RS, PS and ES families only ({@code none} and HMAC are refused at build). */
        public Builder algorithms(Set<String> value) { algorithms = new LinkedHashSet<>(value); return this; }

        /** The clock skew tolerated (default 60 s, at most 5 min). */
        public Builder clockSkew(Duration value) { clockSkew = Objects.requireNonNull(value, "clockSkew"); return this; }

        /** The HTTP connect timeout (default 2 s). */
        public Builder connectTimeout(Duration value) { connectTimeout = Objects.requireNonNull(value); return this; }

        /** The HTTP read timeout (default 5 s): a whole call, body included, ends within connect plus read timeout. */
        public Builder readTimeout(Duration value) { readTimeout = Objects.requireNonNull(value); return this; }

        /** The largest response body accepted (default 256 KiB). */
        public Builder maxResponseBytes(int value) { maxResponseBytes = value; return this; }

        /** How long a JWKS is cached (default 15 min). */
        public Builder jwksCacheTtl(Duration value) { jwksCacheTtl = Objects.requireNonNull(value); return this; }

        /** The shortest interval between JWKS fetches caused by unknown key ids (default 30 s). */
        public Builder jwksRefetchInterval(Duration value) { jwksRefetchInterval = Objects.requireNonNull(value); return this; }

        /** How long the last JWKS is used while the identity provider is down (default 4 h). */
        public Builder jwksOutageTolerance(Duration value) { jwksOutageTolerance = Objects.requireNonNull(value); return this; }

        /** How long the discovery document is cached (default 1 h). */
        public Builder metadataCacheTtl(Duration value) { metadataCacheTtl = Objects.requireNonNull(value); return this; }

        /**
         * How long a failed discovery fetch is remembered (default 5 s, at most 5 min): meanwhile logins
         * use the last good document or, without one, fail at once with the same error instead of each
         * calling the identity provider again.
         */
        public Builder metadataFailureCacheTtl(Duration value) { metadataFailureCacheTtl = Objects.requireNonNull(value); return this; }

        /**
         * The oldest an ID token may be by its {@code iat}, and a signed userinfo response by its
         * {@code iat} when it has one (default 10 min, between 1 min and 24 h); the clock skew is added.
         */
        public Builder maxTokenAge(Duration value) { maxTokenAge = Objects.requireNonNull(value, "maxTokenAge"); return this; }

        /** How long a login may take (default 10 min, at most 1 h). */
        public Builder pendingLoginLifetime(Duration value) { pendingLoginLifetime = Objects.requireNonNull(value); return this; }

        /** Whether to call userinfo (default true: FAS releases most claims there). */
        public Builder userinfo(boolean value) { userinfo = value; return this; }

        /** The keys offered (default: the FAS keys; generic profile: the keys its vocabulary names, kept as null). */
        public Builder keys(Set<DigitalKey> value) { keys = value.isEmpty() ? EnumSet.noneOf(DigitalKey.class) : EnumSet.copyOf(value); return this; }

        /**
         * The claim names the identity is read from (default {@link OidcClaimNames#FAS}; generic profile
         * {@link OidcClaimNames#STANDARD}). A national-number name is never read from plain userinfo JSON.
         */
        public Builder claimNames(IdentityNames value) { claimNames = Objects.requireNonNull(value, "claimNames"); return this; }

        /** Refuses a login without a national number with {@code missing_claim} (default: not required; foreigners have none). */
        public Builder requireNationalNumber() { requireNationalNumber = true; return this; }

        /** The level vocabulary (default {@link FasLevels#VOCABULARY}). */
        public Builder vocabulary(LevelVocabulary value) { vocabulary = Objects.requireNonNull(value, "vocabulary"); return this; }

        /** The clock (default system UTC). */
        public Builder clock(Clock value) { clock = Objects.requireNonNull(value, "clock"); return this; }

        /** The random values (default {@link RandomValues#secure()}). */
        public Builder random(RandomValues value) { random = Objects.requireNonNull(value, "random"); return this; }

        /** The replay cache (default in memory, 100 000 entries: use a shared one on several nodes). */
        public Builder replayCache(ReplayCache value) { replayCache = Optional.of(Objects.requireNonNull(value)); return this; }

        /** The audit sink (default none). */
        public Builder auditSink(AuditSink value) { auditSink = Objects.requireNonNull(value, "auditSink"); return this; }

        /**
         * Ends the application's session when the ID token expires ({@code AuthenticatedUser.notAfter()}
         * becomes its {@code exp}; FAS's tokens live an hour). Off by default: the application's own idle
         * and absolute limits apply.
         */
        public Builder sessionBoundToIdToken() {
            sessionBoundToIdToken = true;
            return this;
        }

        /** The keys refused from a date (default {@link KeyRetirements#standard()}). */
        public Builder retirements(KeyRetirements value) {
            retirements = Objects.requireNonNull(value, "retirements");
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
            auditPseudonymKey = Optional.of(value.clone());
            return this;
        }

        /** Weakening, for tests and local fakes: allows http URLs whose host is a loopback address. */
        public Builder allowHttpForLoopback() { httpForLoopback = true; return this; }

        /** A builder with the same values (immutable or shared by design) and its own collections. */
        private Builder copy() {
            Builder b;
            try {
                b = (Builder) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
            b.scopes = new LinkedHashSet<>(scopes);
            b.algorithms = new LinkedHashSet<>(algorithms);
            b.keys = keys == null ? null : keys.isEmpty() ? EnumSet.noneOf(DigitalKey.class) : EnumSet.copyOf(keys);
            b.auditPseudonymKey = auditPseudonymKey.map(byte[]::clone);
            return b;
        }

        /**
         * The settings.
         *
         * @throws ConfigurationException when a value is out of range, a URL is not https, or an algorithm
         *     is not allowed
         */
        public OidcSettings build() {
            Set<String> withOpenid = new LinkedHashSet<>();
            withOpenid.add("openid");
            withOpenid.addAll(scopes);
            scopes = withOpenid;
            OidcSettings settings = new OidcSettings(this);
            SettingsChecks.check(settings);
            return settings;
        }
    }
}
