package be.fedauth.servlet;

import be.fedauth.core.AccessPolicy;
import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticationProvider;
import be.fedauth.core.ConfigurationException;
import be.fedauth.core.EService;
import be.fedauth.core.Language;
import be.fedauth.core.ProviderId;
import be.fedauth.core.SealingKey;
import be.fedauth.core.spi.AuditSink;
import be.fedauth.core.spi.PendingLoginStore;
import be.fedauth.core.spi.RandomValues;
import be.fedauth.servlet.internal.LocalPaths;
import be.fedauth.servlet.internal.SettingsChecks;
import be.fedauth.servlet.spi.EnterpriseResolver;
import be.fedauth.servlet.spi.UserEnricher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@link FedAuthSettings}; made with {@link FedAuthSettings#builder()}. Not thread-safe.
 */
public final class FedAuthSettingsBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(FedAuthSettingsBuilder.class);
    private static final Pattern PROTOCOL = Pattern.compile("[a-z0-9][a-z0-9-]{0,19}");
    final Map<String, AuthenticationProvider> providers = new LinkedHashMap<>();
    final Map<String, Map<String, AuthenticationProvider>> serviceProviders = new LinkedHashMap<>();
    Optional<SealingKey> sealingKey = Optional.empty();
    List<SealingKey> olderSealingKeys = List.of();
    Optional<PendingLoginStore> store = Optional.empty();
    final Map<String, Optional<EService>> protectedPaths = new LinkedHashMap<>();
    Optional<EnterpriseResolver> enterpriseResolver = Optional.empty();
    Optional<AccessPolicy> accessPolicy = Optional.empty();
    Clock clock = Clock.systemUTC();
    RandomValues random = RandomValues.secure();
    String loginPath = "/login";
    List<String> callbackPaths = List.of("/callback/oidc", "/callback/saml");
    String logoutPath = "/logout";
    String metadataPath = "/saml/metadata";
    String singleLogoutPath = "/saml/slo";
    Optional<String> loginPage = Optional.empty();
    String afterLoginPath = "/";
    String afterLogoutPath = "/";
    Optional<URI> postLogoutRedirect = Optional.empty();
    List<EService> eServices = EService.builtIn();
    Language defaultLanguage = Language.FR;
    boolean plainHttpCookies;
    Optional<URI> publicUrl = Optional.empty();
    Duration sessionIdleTimeout = Duration.ofMinutes(30);
    Duration sessionMaxLifetime = Duration.ofHours(8);
    UserEnricher userEnricher = UserEnricher.NONE;
    AuditSink auditSink = AuditSink.NONE;
    Optional<byte[]> pseudonymKey = Optional.empty();
    AssuranceLevel minimumLevel = AssuranceLevel.LEVEL_300;
    final Map<String, AssuranceLevel> serviceLevels = new LinkedHashMap<>();
    final Map<String, Set<ProviderId>> allowedProviders = new LinkedHashMap<>();
    final List<String> errors = new ArrayList<>();

    FedAuthSettingsBuilder() {
    }

    /**
     * A provider for every e-service, chosen with {@code /login?protocol=<name>}. The first one
     * added is used when the parameter is absent.
     *
     * @param protocol 1 to 20 lower-case letters, digits or '-' ("oidc", "saml")
     */
    public FedAuthSettingsBuilder provider(String protocol, AuthenticationProvider provider) {
        if (providers.putIfAbsent(checkProtocol(protocol), Objects.requireNonNull(provider, "provider")) != null) {
            errors.add("two providers for protocol " + protocol);
        }
        return this;
    }

    /**
     * A provider for one e-service, used instead of the general provider of the same protocol name:
     * for example NCTS through a {@link be.fedauth.core.TransitionAuthenticationProvider}.
     */
    public FedAuthSettingsBuilder provider(EService eService, String protocol, AuthenticationProvider provider) {
        Objects.requireNonNull(eService, "eService");
        Map<String, AuthenticationProvider> forService =
                serviceProviders.computeIfAbsent(eService.id(), k -> new LinkedHashMap<>());
        if (forService.putIfAbsent(checkProtocol(protocol), Objects.requireNonNull(provider, "provider")) != null) {
            errors.add("two providers for " + eService.id() + " and protocol " + protocol);
        }
        return this;
    }

    /**
     * Pending logins travel sealed (AES-256-GCM) in a cookie: no server state, any node can finish
     * any login. {@code older} keys still open cookies sealed before a key rotation.
     */
    public FedAuthSettingsBuilder sealedPendingLogins(SealingKey key, SealingKey... older) {
        this.sealingKey = Optional.of(Objects.requireNonNull(key, "key"));
        this.olderSealingKeys = List.copyOf(Arrays.asList(older));
        return this;
    }

    /** Pending logins stay in a store; the cookie holds only the store's random handle. */
    public FedAuthSettingsBuilder pendingLoginStore(PendingLoginStore value) {
        this.store = Optional.of(Objects.requireNonNull(value, "pendingLoginStore"));
        return this;
    }

    /** Only logged-in users may request this path or anything below it. */
    public FedAuthSettingsBuilder protect(String pathPrefix) {
        addProtected(pathPrefix, Optional.empty());
        return this;
    }

    /**
     * Only logged-in users whom the {@link AccessPolicy} permits to use {@code eService}, in the
     * name of the enterprise the {@link EnterpriseResolver} names, may request this path or below.
     */
    public FedAuthSettingsBuilder protect(String pathPrefix, EService eService) {
        addProtected(pathPrefix, Optional.of(Objects.requireNonNull(eService, "eService")));
        return this;
    }

    private void addProtected(String pathPrefix, Optional<EService> eService) {
        String path = path(pathPrefix, "a protected path");
        if (protectedPaths.putIfAbsent(path, eService) != null) {
            errors.add("the path " + path + " is protected twice");
        }
    }

    /**
     * The level every login must reach, and every session must have on a protected path, unless its
     * e-service has its own (default {@code LEVEL_300}, eIDAS substantial: no password-only or
     * self-registered login). It goes into each {@link be.fedauth.core.LoginRequest}, so the
     * provider asks the identity provider for it and refuses less with {@code level_too_low}.
     */
    public FedAuthSettingsBuilder minimumLevel(AssuranceLevel level) {
        this.minimumLevel = Objects.requireNonNull(level, "minimumLevel");
        return this;
    }

    /**
     * The level a login for {@code eService} must reach, and a session must have to use its paths,
     * higher or lower than the general one. A session made at a lower level for another e-service is
     * refused there ({@code 403 level_too_low}, with a link to log in again).
     */
    public FedAuthSettingsBuilder minimumLevel(EService eService, AssuranceLevel level) {
        Objects.requireNonNull(eService, "eService");
        if (serviceLevels.putIfAbsent(eService.id(), Objects.requireNonNull(level, "minimumLevel")) != null) {
            errors.add("two minimum levels for " + eService.id());
        }
        return this;
    }

    /**
     * The only providers (by {@link ProviderId}, as {@link be.fedauth.core.AuthenticatedUser#provider()}
     * names them: for a transition, its legacy or successor) whose logins may reach {@code eService}.
     * Without it, an e-service accepts logins of the providers its routes lead to: its own providers
     * and the general ones, a transition's legacy only until its grace period ends. Logins are not
     * started through other providers ({@code provider_not_offered}), and sessions they made are
     * refused on the e-service's paths.
     */
    public FedAuthSettingsBuilder allowedProviders(EService eService, ProviderId first, ProviderId... more) {
        Objects.requireNonNull(eService, "eService");
        Set<ProviderId> ids = new LinkedHashSet<>();
        ids.add(Objects.requireNonNull(first, "provider"));
        Arrays.stream(more).forEach(id -> ids.add(Objects.requireNonNull(id, "provider")));
        if (allowedProviders.putIfAbsent(eService.id(), ids) != null) {
            errors.add("allowed providers named twice for " + eService.id());
        }
        return this;
    }

    /** Names the enterprise in whose name the user acts; required when a path is protected per e-service. */
    public FedAuthSettingsBuilder enterpriseResolver(EnterpriseResolver value) {
        this.enterpriseResolver = Optional.of(Objects.requireNonNull(value, "enterpriseResolver"));
        return this;
    }

    /** Completes each logged-in user with the application's own knowledge (default: none). */
    public FedAuthSettingsBuilder userEnricher(UserEnricher value) {
        this.userEnricher = Objects.requireNonNull(value, "userEnricher");
        return this;
    }

    /**
     * Where the filter's own audit events go (callbacks refused before any provider ran, sessions
     * started and ended, access denied); users appear as the pseudonym of their national number under
     * {@code pseudonymKey} (at least 16 bytes; see {@link be.fedauth.core.spi.AuditEvent#pseudonym}).
     */
    public FedAuthSettingsBuilder auditSink(AuditSink sink, byte[] pseudonymKey) {
        this.auditSink = Objects.requireNonNull(sink, "auditSink");
        if (pseudonymKey.length < 16) {
            errors.add("the audit pseudonym key has at least 16 bytes");
        }
        this.pseudonymKey = Optional.of(pseudonymKey.clone());
        return this;
    }

    /** The access policy (default: {@link AccessPolicy#create(Clock)} with this clock). */
    public FedAuthSettingsBuilder accessPolicy(AccessPolicy value) {
        this.accessPolicy = Optional.of(Objects.requireNonNull(value, "accessPolicy"));
        return this;
    }

    /** The clock for pending logins, replay entries and access dates. */
    public FedAuthSettingsBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /** Random values for CSP nonces (default: {@link RandomValues#secure()}). */
    public FedAuthSettingsBuilder randomValues(RandomValues value) {
        this.random = Objects.requireNonNull(value, "randomValues");
        return this;
    }

    /** The login endpoint (default {@code /login}). */
    public FedAuthSettingsBuilder loginPath(String value) {
        this.loginPath = path(value, "the login path");
        return this;
    }

    /**
     * The callback endpoints, one per redirect URI or assertion consumer service that the providers
     * are configured with (default {@code /callback/oidc} and {@code /callback/saml}).
     */
    public FedAuthSettingsBuilder callbackPaths(String... values) {
        this.callbackPaths = Arrays.stream(values).map(value -> path(value, "a callback path")).toList();
        return this;
    }

    /** The logout endpoint (default {@code /logout}). */
    public FedAuthSettingsBuilder logoutPath(String value) {
        this.logoutPath = path(value, "the logout path");
        return this;
    }

    /** Where SAML service-provider metadata is served, {@code ?provider=<id>} choosing one (default {@code /saml/metadata}). */
    public FedAuthSettingsBuilder metadataPath(String value) {
        this.metadataPath = path(value, "the metadata path");
        return this;
    }

    /** The single-logout endpoint, the SAML providers' single-logout URL (default {@code /saml/slo}). */
    public FedAuthSettingsBuilder singleLogoutPath(String value) {
        this.singleLogoutPath = path(value, "the single-logout path");
        return this;
    }

    /**
     * An application page where users pick how to log in (keys, protocol); users who are not
     * logged in are sent there with {@code service} and {@code returnTo} parameters. Without it
     * they go straight to the login endpoint with the default protocol.
     */
    public FedAuthSettingsBuilder loginPage(String value) {
        this.loginPage = Optional.of(path(value, "the login page"));
        return this;
    }

    /** Where the browser goes after login when no local return path was given (default {@code /}). */
    public FedAuthSettingsBuilder afterLoginPath(String value) {
        this.afterLoginPath = path(value, "the after-login path");
        return this;
    }

    /** Where the browser goes after a local logout (default {@code /}). */
    public FedAuthSettingsBuilder afterLogoutPath(String value) {
        this.afterLogoutPath = path(value, "the after-logout path");
        return this;
    }

    /** The absolute URL the identity provider sends the browser to after its logout, as registered there. */
    public FedAuthSettingsBuilder postLogoutRedirect(URI value) {
        Objects.requireNonNull(value, "postLogoutRedirect");
        if (!value.isAbsolute()) {
            errors.add("the post-logout redirect must be an absolute URL");
        }
        this.postLogoutRedirect = Optional.of(value);
        return this;
    }

    /** The e-services that can be named in {@code /login?service=} (default: EMCS, NCTS, PLDA). */
    public FedAuthSettingsBuilder eServices(List<EService> value) {
        this.eServices = List.copyOf(value);
        return this;
    }

    /** The language when neither the request nor the user names one (default French). */
    public FedAuthSettingsBuilder defaultLanguage(Language value) {
        this.defaultLanguage = Objects.requireNonNull(value, "defaultLanguage");
        return this;
    }

    /**
     * Allows cookies without {@code Secure} over plain HTTP: a plain {@code http} public URL to a host
     * other than loopback, the pending-login cookie without a public URL on plain-HTTP requests, and
     * the session cookie {@link FedAuthFilter#register} configures. Benches without TLS only; WARN.
     */
    public FedAuthSettingsBuilder allowPlainHttpCookies() {
        this.plainHttpCookies = true;
        return this;
    }

    /**
     * The URL browsers use (e.g. {@code https://portal.example.be}; plain {@code http} only to loopback
     * or with {@link #allowPlainHttpCookies()}). Its scheme, never the {@code Host} header a proxy may
     * rewrite, makes the pending-login cookie {@code Secure} and {@code __Host-} named. Without it that
     * cookie is always {@code Secure} (with plain-HTTP cookies allowed: when the request is HTTPS).
     */
    public FedAuthSettingsBuilder publicUrl(URI value) {
        this.publicUrl = Optional.of(Objects.requireNonNull(value, "publicUrl"));
        return this;
    }

    /**
     * How long a logged-in session may go without a request (default 30 minutes, at least 1 minute),
     * by the settings' clock on every request; the container's session timeout is set to it too.
     */
    public FedAuthSettingsBuilder sessionIdleTimeout(Duration value) {
        this.sessionIdleTimeout = Objects.requireNonNull(value, "sessionIdleTimeout");
        return this;
    }

    /**
     * How long a session may last from its login, however active (default 8 hours, from the idle
     * timeout to 7 days); the identity provider's {@code AuthenticatedUser.notAfter()} ends it earlier.
     */
    public FedAuthSettingsBuilder sessionMaxLifetime(Duration value) {
        this.sessionMaxLifetime = Objects.requireNonNull(value, "sessionMaxLifetime");
        return this;
    }

    private String checkProtocol(String protocol) {
        Objects.requireNonNull(protocol, "protocol");
        if (!PROTOCOL.matcher(protocol).matches()) {
            errors.add("a protocol name is 1 to 20 lower-case letters, digits or '-': " + protocol);
        }
        return protocol.toLowerCase(Locale.ROOT);
    }

    private String path(String value, String what) {
        Objects.requireNonNull(value, what);
        try {
            return LocalPaths.configured(value, what);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return value;
        }
    }

    /**
     * The settings.
     *
     * @throws ConfigurationException when no provider is given, two different providers share an id,
     *     neither or both of sealed cookies and a store are chosen, a path protected per e-service has
     *     no enterprise resolver, the session lifetimes or public URL are out of range, or a value above was refused
     */
    public FedAuthSettings build() {
        List<String> problems = new ArrayList<>(errors);
        if (providers.isEmpty()) {
            problems.add("no provider: add at least one with provider(protocol, provider)");
        }
        if (sealingKey.isPresent() == store.isPresent()) {
            problems.add("choose one of sealedPendingLogins(key) and pendingLoginStore(store)");
        }
        if (protectedPaths.values().stream().anyMatch(Optional::isPresent) && enterpriseResolver.isEmpty()) {
            problems.add("a path is protected per e-service: an enterpriseResolver is required");
        }
        problems.addAll(SettingsChecks.paths(loginPath, callbackPaths, List.of(logoutPath, metadataPath, singleLogoutPath),
                loginPage, protectedPaths.keySet()));
        problems.addAll(SettingsChecks.unknownServices(eServices, serviceLevels.keySet(), allowedProviders.keySet(),
                serviceProviders.keySet()));
        problems.addAll(SettingsChecks.providerIds(providers, serviceProviders));
        problems.addAll(SettingsChecks.lifetimes(sessionIdleTimeout, sessionMaxLifetime));
        publicUrl.ifPresent(url -> problems.addAll(SettingsChecks.publicUrl(url, plainHttpCookies)));
        if (!problems.isEmpty()) {
            throw new ConfigurationException("fedauth servlet settings: " + String.join("; ", problems));
        }
        if (plainHttpCookies) {
            LOG.warn("fedauth: pending-login and session cookies may travel without Secure over plain HTTP"
                    + " (allowPlainHttpCookies)");
        }
        return new FedAuthSettings(this, clock);
    }
}
