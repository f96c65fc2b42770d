package be.fedauth.saml;

import be.fedauth.core.ConfigurationException;
import be.fedauth.core.KeyRetirements;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.ProviderId;
import be.fedauth.core.spi.AuditSink;
import be.fedauth.core.spi.RandomValues;
import be.fedauth.core.spi.ReplayCache;
import be.fedauth.saml.internal.OpenSaml;
import be.fedauth.saml.internal.ResponseValidator;
import be.fedauth.saml.internal.ValidationSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.opensaml.security.x509.BasicX509Credential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link SamlAuthenticationProvider}. Defaults: the FAS profile, HTTP-Redirect requests,
 * signed assertions required, no unsolicited responses, encrypted assertions accepted but not
 * required, 60 s clock skew (at most 5 minutes), the system clock, an in-memory replay cache of
 * 100,000 entries, secure random values, 10-minute pending logins, responses up to 256 KiB, messages
 * issued at most 10 minutes ago (plus the skew). Not
 * thread-safe; the provider it builds is.
 */
public final class SamlProviderBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(SamlProviderBuilder.class);
    private static final Duration MAX_SKEW = Duration.ofMinutes(5);

    final ProviderId id;
    final String spEntityId;
    final URI acsUrl;
    final SpKeys keys;
    final IdpMetadataSource idp;
    SamlProfile profile = SamlProfile.fas();
    SamlBinding binding = SamlBinding.REDIRECT;
    Optional<URI> singleLogoutUrl = Optional.empty();
    Clock clock = Clock.systemUTC();
    Duration clockSkew = Duration.ofSeconds(60);
    ReplayCache replayCache;
    RandomValues random = RandomValues.secure();
    AuditSink audit = AuditSink.NONE;
    Optional<byte[]> auditPseudonymKey = Optional.empty();
    KeyRetirements retirements = KeyRetirements.standard();
    Duration pendingLoginLifetime = PendingLogin.DEFAULT_LIFETIME;
    boolean acceptResponseSignatureOnly;
    boolean allowUnsolicited;
    boolean requireEncryptedAssertions;
    int maxResponseBytes = 256 * 1024;
    Duration maxIssueAge = Duration.ofMinutes(10);

    SamlProviderBuilder(ProviderId id, String spEntityId, URI acsUrl, SpKeys keys, IdpMetadataSource idp) {
        this.id = Objects.requireNonNull(id, "id");
        this.spEntityId = Objects.requireNonNull(spEntityId, "spEntityId");
        this.acsUrl = Objects.requireNonNull(acsUrl, "acsUrl");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.idp = Objects.requireNonNull(idp, "idp");
    }

    /** The identity provider's profile (default {@link SamlProfile#fas()}). */
    public SamlProviderBuilder profile(SamlProfile value) {
        this.profile = Objects.requireNonNull(value, "profile");
        return this;
    }

    /** How requests travel (default {@link SamlBinding#REDIRECT}, as FAS documents). */
    public SamlProviderBuilder requestBinding(SamlBinding value) {
        this.binding = Objects.requireNonNull(value, "binding");
        return this;
    }

    /** The SP's Single Logout URL (HTTP-Redirect), published in the metadata and checked as Destination. */
    public SamlProviderBuilder singleLogoutUrl(URI value) {
        this.singleLogoutUrl = Optional.of(Objects.requireNonNull(value, "singleLogoutUrl"));
        return this;
    }

    /** The clock every validity check reads. */
    public SamlProviderBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /** The tolerated clock difference with the identity provider (default 60 s, at most 5 minutes). */
    public SamlProviderBuilder clockSkew(Duration value) {
        this.clockSkew = Objects.requireNonNull(value, "clockSkew");
        return this;
    }

    /**
     * The replay cache for assertion IDs and the IdP's LogoutRequest IDs (default: in memory, one node).
     * Use a shared one behind a load balancer.
     */
    public SamlProviderBuilder replayCache(ReplayCache value) {
        this.replayCache = Objects.requireNonNull(value, "replayCache");
        return this;
    }

    /** The source of request ids and states (default {@link RandomValues#secure()}). */
    public SamlProviderBuilder randomValues(RandomValues value) {
        this.random = Objects.requireNonNull(value, "randomValues");
        return this;
    }

    /** Where audit events go (default {@link AuditSink#NONE}). */
    public SamlProviderBuilder auditSink(AuditSink value) {
        this.audit = Objects.requireNonNull(value, "auditSink");
        return this;
    }

    /**
     * A secret of at least 16 bytes: {@code login_succeeded} events then carry a pseudonym of the
     * national number ({@link be.fedauth.core.spi.AuditEvent#pseudonym}); without it they carry none.
     */
    public SamlProviderBuilder auditPseudonymKey(byte[] value) {
        if (value.length < 16) {
            throw new ConfigurationException("an audit pseudonym key has at least 16 bytes");
        }
        this.auditPseudonymKey = Optional.of(value.clone());
        return this;
    }

    /** The keys refused from a date (default {@link KeyRetirements#standard()}). */
    public SamlProviderBuilder retirements(KeyRetirements value) {
        this.retirements = Objects.requireNonNull(value, "retirements");
        return this;
    }

    /** How long a login may take (default 10 minutes). */
    public SamlProviderBuilder pendingLoginLifetime(Duration value) {
        this.pendingLoginLifetime = Objects.requireNonNull(value, "pendingLoginLifetime");
        return this;
    }

    /**
     * Accepts a plain assertion that is covered only by the Response's signature. By default the
     * assertion itself must be signed (FAS signs both). Logged at WARN.
     */
    public SamlProviderBuilder acceptResponseSignatureOnly() {
        this.acceptResponseSignatureOnly = true;
        return this;
    }

    /** Accepts IdP-initiated (unsolicited) responses, without InResponseTo. Logged at WARN. */
    public SamlProviderBuilder allowUnsolicitedResponses() {
        this.allowUnsolicited = true;
        return this;
    }

    /** Refuses plain assertions: only encrypted ones are accepted. */
    public SamlProviderBuilder requireEncryptedAssertions() {
        this.requireEncryptedAssertions = true;
        return this;
    }

    /** The largest decoded response accepted (default 256 KiB, between 4 KiB and 384 KiB). */
    public SamlProviderBuilder maxResponseBytes(int value) {
        this.maxResponseBytes = value;
        return this;
    }

    /**
     * The oldest IssueInstant accepted on the Response and on the assertion, before the clock skew
     * (default 10 minutes, between 1 minute and 1 hour): a genuine message is not accepted long after
     * the identity provider made it.
     */
    public SamlProviderBuilder maxIssueAge(Duration value) {
        this.maxIssueAge = Objects.requireNonNull(value, "maxIssueAge");
        return this;
    }

    /**
     * The provider. Initialises OpenSAML on first use (about a second, once per JVM).
     *
     * @throws ConfigurationException when a setting is out of range
     */
    public SamlAuthenticationProvider build() {
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
        if (replayCache == null) {
            replayCache = ReplayCache.inMemory(clock, 100_000, audit);
        }
        if (acceptResponseSignatureOnly) {
            LOG.warn("{}: assertions covered only by the response signature are accepted", id);
        }
        if (allowUnsolicited) {
            LOG.warn("{}: unsolicited (IdP-initiated) responses are accepted", id);
        }
        OpenSaml.get();
        ValidationSettings validation = new ValidationSettings(spEntityId, acsUrl.toString(), clock, clockSkew,
                !acceptResponseSignatureOnly, allowUnsolicited, requireEncryptedAssertions, maxResponseBytes,
                keys.decryptionKeys().stream()
                        .map(k -> new BasicX509Credential(k.certificate(), k.privateKey())).toList(), maxIssueAge);
        return new SamlAuthenticationProvider(this, new ResponseValidator(validation));
    }

    private static void checkUrl(URI url, String name) {
        if (!url.isAbsolute() || url.getHost() == null || url.getFragment() != null
                || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            throw new ConfigurationException(name + " must be an absolute http(s) URL without fragment");
        }
    }

    @Override
    public String toString() {
        return id + ", sp=" + spEntityId + ", idp=" + idp.entityId() + ", binding=" + binding + ", skew=" + clockSkew
                + ", maxIssueAge=" + maxIssueAge
                + (acceptResponseSignatureOnly ? ", acceptResponseSignatureOnly" : "")
                + (allowUnsolicited ? ", allowUnsolicitedResponses" : "")
                + (requireEncryptedAssertions ? ", requireEncryptedAssertions" : "");
    }
}
