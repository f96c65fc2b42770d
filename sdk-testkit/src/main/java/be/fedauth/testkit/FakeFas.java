package be.fedauth.testkit;

import be.fedauth.core.SettableClock;
import be.fedauth.core.ConfigurationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.KeyRetirement;
import be.fedauth.testkit.internal.Attacks;
import be.fedauth.testkit.internal.FakeIdpContext;
import be.fedauth.testkit.internal.FakeServer;
import be.fedauth.testkit.internal.ProtocolEndpoints;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A running fake BOSA FAS (OpenID Connect and SAML) and fake social-security SAML IdP on a loopback port,
 * with the Java API testers drive it with: choose the persona and key of the next logins, set the clock,
 * inject faults per endpoint, queue one-shot attacks, read the recorded requests, rotate keys.
 *
 * <pre>{@code
 * try (FakeFas fas = FakeFas.builder().start()) {
 *     fas.preselectLogin("citizen", DigitalKey.EID);
 *     URI issuer = fas.oidcIssuer();
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops the server. See {@code docs/testkit.md}.
 */
public final class FakeFas implements AutoCloseable {
    private final FakeServer server;
    private final FakeIdpContext ctx;

    private FakeFas(FakeServer server) {
        this.server = server;
        this.ctx = server.context();
    }

    /** A builder with the defaults: random port, default personas, system clock, shipped keys. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- URLs

    /** {@code http://127.0.0.1:PORT}. */
    public URI baseUri() {
        return ctx.baseUri();
    }

    public int port() {
        return server.port();
    }

    /** The URL of an endpoint. */
    public URI uri(Endpoint endpoint) {
        return ctx.url(Objects.requireNonNull(endpoint, "endpoint").path());
    }

    /** The OIDC issuer, {@code <base>/fas/oauth2} (or its {@code :80} form with {@link #setIssuerQuirk(boolean)}). */
    public URI oidcIssuer() {
        return URI.create(ctx.oidcIssuer());
    }

    /** {@code <issuer>/.well-known/openid-configuration}. */
    public URI oidcDiscoveryUri() {
        return uri(Endpoint.OIDC_DISCOVERY);
    }

    /** The FAS SAML entity id, {@code <base>/fas}. */
    public String samlEntityId() {
        return baseUri() + "/fas";
    }

    /** The FAS SAML metadata URL. */
    public URI samlMetadataUri() {
        return uri(Endpoint.SAML_METADATA);
    }

    /** The social-security IdP's entity id, {@code <base>/socsec}. */
    public String socialSecurityEntityId() {
        return baseUri() + "/socsec";
    }

    /** The social-security IdP's metadata URL. */
    public URI socialSecurityMetadataUri() {
        return uri(Endpoint.SOCIAL_SECURITY_METADATA);
    }

    /** The login page (it needs a flow started by an authorize or SSO request). */
    public URI loginPageUri() {
        return uri(Endpoint.LOGIN_PAGE);
    }

    /** The root of the admin HTTP API. */
    public URI adminUri() {
        return ctx.url(FakeServer.ADMIN_PREFIX);
    }

    // ---- personas and clients

    /** The personas, with the clients registered at run time. */
    public Personas personas() {
        return ctx.personas();
    }

    /** Registers (or replaces) an OIDC client, e.g. one whose redirect URI has a random port. */
    public void registerOidcClient(OidcClient client) {
        ctx.registerOidcClient(client);
    }

    /** Registers (or replaces) a SAML service provider. */
    public void registerSamlServiceProvider(SamlServiceProvider sp) {
        ctx.registerSamlServiceProvider(sp);
    }

    // ---- login choice, clock, issuer

    /**
     * From now on, logins complete at once as this persona with this key, without the login page (the
     * rules still apply: a refused key comes back to the application as an error).
     *
     * @throws IllegalArgumentException if there is no such persona
     */
    public void preselectLogin(String personId, DigitalKey key) {
        preselectLogin(new LoginChoice(personId, key));
    }

    /** As {@link #preselectLogin(String, DigitalKey)}. */
    public void preselectLogin(LoginChoice choice) {
        Objects.requireNonNull(choice, "choice");
        if (personas().person(choice.personId()).isEmpty()) {
            throw new IllegalArgumentException("no persona " + choice.personId());
        }
        ctx.preselectLogin(choice);
    }

    public Optional<LoginChoice> preselectedLogin() {
        return ctx.preselectedLogin();
    }

    /** Logins show the login page again. */
    public void clearPreselectedLogin() {
        ctx.clearPreselectedLogin();
    }

    /** The clock of the fake: set it to travel in time. */
    public SettableClock clock() {
        return ctx.clock();
    }

    /** Reproduces the {@code http://<host>:80/fas/oauth2} issuer of the FAS integration environment. */
    public void setIssuerQuirk(boolean enabled) {
        ctx.setIssuerQuirk(enabled);
    }

    // ---- faults

    /** Injects a fault into every response of this endpoint until removed; replaces a fault already there. */
    public void injectFault(Endpoint endpoint, EndpointFault fault) {
        server.injectFault(Objects.requireNonNull(endpoint, "endpoint").path(), fault);
    }

    /** Injects a fault on any path of the fake (e.g. an endpoint a protocol adds). */
    public void injectFault(String path, EndpointFault fault) {
        server.injectFault(path, fault);
    }

    public void removeFault(Endpoint endpoint) {
        server.removeFault(Objects.requireNonNull(endpoint, "endpoint").path());
    }

    /** The faults in place, by path. */
    public Map<String, EndpointFault> faults() {
        return server.faults();
    }

    public void clearFaults() {
        server.clearFaults();
    }

    // ---- attacks

    /**
     * Queues a one-shot attack: the next response it applies to is forged that way, once.
     *
     * @param attack a constant of {@code OidcAttack} or {@code SamlAttack}
     */
    public void queueAttack(Enum<?> attack) {
        if (!Attacks.isAttack(attack)) {
            throw new IllegalArgumentException(attack.getDeclaringClass().getName() + " is not an attack type");
        }
        ctx.queueAttack(attack);
    }

    /** The attacks not yet used, oldest first. */
    public List<Enum<?>> pendingAttacks() {
        return ctx.pendingAttacks();
    }

    public void clearAttacks() {
        ctx.clearAttacks();
    }

    // ---- recorded requests

    /** Every request received, oldest first (admin API calls excluded; the last 1000 at most). */
    public List<RecordedRequest> recordedRequests() {
        return server.recordedRequests();
    }

    /** The requests received by one endpoint, oldest first. */
    public List<RecordedRequest> recordedRequests(Endpoint endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        return recordedRequests().stream().filter(r -> r.isFor(endpoint)).toList();
    }

    public void clearRecordedRequests() {
        server.clearRecordedRequests();
    }

    // ---- keys

    /** The {@code kid} of the current FAS signing key. */
    public String signingKeyId() {
        return ctx.signingKeys().current().kid();
    }

    /** The certificate of the current FAS signing key (for SAML trust configuration). */
    public X509Certificate signingCertificate() {
        return ctx.signingKeys().current().certificate();
    }

    /** The certificate of the social-security IdP's current signing key. */
    public X509Certificate socialSecuritySigningCertificate() {
        return ctx.socialSecuritySigningKeys().current().certificate();
    }

    /** Makes a new FAS signing key; the previous one stays published. Returns the new {@code kid}. */
    public String rotateSigningKey() {
        return ctx.rotateSigningKey().kid();
    }

    // ---- lifecycle

    /**
     * Forgets attacks, faults, the preselected login, the issuer quirk, waiting logins and recorded
     * requests, and resets the clock (what {@link FakeFasExtension} does between tests). Clients and keys stay.
     */
    public void reset() {
        server.reset();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop();
    }

    @Override
    public String toString() {
        return "FakeFas[" + baseUri() + "]";
    }

    /** Settings of a fake; {@link #start()} starts it. */
    public static final class Builder {
        private int port;
        private Personas personas;
        private Path personasFile;
        private SettableClock clock;
        private boolean freshKeys;
        private List<KeyRetirement> keyRetirements = List.of(KeyRetirement.TOKEN);
        private final List<ProtocolEndpoints> extraEndpoints = new ArrayList<>();

        private Builder() {
        }

        /** The loopback port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new ConfigurationException("a port is between 0 and 65535");
            }
            this.port = port;
            return this;
        }

        /** The personas (default: {@link Personas#defaults()}). */
        public Builder personas(Personas personas) {
            this.personas = Objects.requireNonNull(personas, "personas");
            this.personasFile = null;
            return this;
        }

        /** Reads the personas from this file when starting. */
        public Builder personasFile(Path file) {
            this.personasFile = Objects.requireNonNull(file, "file");
            this.personas = null;
            return this;
        }

        /** The clock (default: {@link SettableClock#system()}). */
        public Builder clock(SettableClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Generate new keys instead of using the shipped test keys (default: shipped, same across restarts). */
        public Builder freshKeys(boolean freshKeys) {
            this.freshKeys = freshKeys;
            return this;
        }

        /** The dated key retirements the fake enforces (default: the token, retired on 31/01/2024). */
        public Builder keyRetirements(List<KeyRetirement> keyRetirements) {
            this.keyRetirements = List.copyOf(keyRetirements);
            return this;
        }

        /** Test hook: endpoints answered before the protocols' (package-private on purpose). */
        Builder extraEndpoints(ProtocolEndpoints endpoints) {
            extraEndpoints.add(Objects.requireNonNull(endpoints, "endpoints"));
            return this;
        }

        /**
         * Starts the fake.
         *
         * @throws ConfigurationException if the persona file is bad or the port cannot be bound
         */
        public FakeFas start() {
            Path file = personasFile;
            Personas given = personas;
            Supplier<Personas> chosen = file != null ? () -> Personas.load(file)
                    : given != null ? () -> given : Personas::defaults;
            FakeServer.Settings settings = new FakeServer.Settings(port, chosen,
                    clock != null ? clock : SettableClock.system(), freshKeys, keyRetirements, extraEndpoints);
            try {
                return new FakeFas(FakeServer.start(settings));
            } catch (RuntimeException e) {
                if (e instanceof ConfigurationException ce) {
                    throw ce;
                }
                throw new ConfigurationException("the fake IdP cannot start on port " + port, e);
            }
        }
    }
}
