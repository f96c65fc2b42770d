package be.fedauth.servlet;

import be.fedauth.core.AccessPolicy;
import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticationProvider;
import be.fedauth.core.EService;
import be.fedauth.core.Language;
import be.fedauth.core.PendingLoginSealer;
import be.fedauth.core.ProviderId;
import be.fedauth.core.spi.PendingLoginStore;
import be.fedauth.core.spi.RandomValues;
import be.fedauth.servlet.internal.Audit;
import be.fedauth.servlet.internal.Config;
import be.fedauth.servlet.internal.Pages;
import be.fedauth.servlet.internal.PendingCookie;
import be.fedauth.servlet.internal.PendingLogins;
import be.fedauth.servlet.internal.Requirements;
import be.fedauth.servlet.internal.Routes;
import be.fedauth.servlet.internal.SessionLifetime;
import be.fedauth.servlet.spi.EnterpriseResolver;
import be.fedauth.servlet.spi.UserEnricher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link FedAuthFilter} does: which providers it drives (by protocol name, optionally per
 * e-service), where it keeps pending logins, which paths it protects, and its endpoints. Immutable
 * and thread-safe; made with {@link #builder()}.
 *
 * <p>Defaults: endpoints {@code /login}, {@code /callback/oidc} and {@code /callback/saml},
 * {@code /logout}, {@code /saml/metadata} and {@code /saml/slo}; after login and logout the browser goes to {@code /}; the built-in e-services
 * EMCS, NCTS and PLDA; level 300 (eIDAS substantial) at least for every login and protected path;
 * for each e-service, the providers its routes lead to; the system clock; an in-memory replay cache
 * (one node); French when nothing says otherwise; sessions end after 30 minutes without a request or
 * 8 hours after login, or earlier at the identity provider's limit; no public URL (the pending-login
 * cookie is then always Secure). All paths are relative to the context path.
 */
public final class FedAuthSettings {

    private final Map<String, AuthenticationProvider> providers;
    private final Map<String, Map<String, AuthenticationProvider>> serviceProviders;
    private final Optional<PendingLoginSealer> sealer;
    private final Optional<PendingLoginStore> store;
    private final Map<String, Optional<EService>> protectedPaths;
    private final Optional<EnterpriseResolver> enterpriseResolver;
    private final AccessPolicy accessPolicy;
    private final Clock clock;
    private final RandomValues random;
    private final String loginPath;
    private final List<String> callbackPaths;
    private final String logoutPath;
    private final String metadataPath;
    private final String singleLogoutPath;
    private final Optional<String> loginPage;
    private final String afterLoginPath;
    private final String afterLogoutPath;
    private final Optional<URI> postLogoutRedirect;
    private final List<EService> eServices;
    private final Language defaultLanguage;
    private final boolean plainHttpCookies;
    private final Optional<URI> publicUrl;
    private final Duration sessionIdleTimeout;
    private final Duration sessionMaxLifetime;
    private final UserEnricher userEnricher;
    private final Audit audit;
    private final AssuranceLevel minimumLevel;
    private final Map<String, AssuranceLevel> serviceLevels;
    private final Map<String, Set<ProviderId>> allowedProviders;

    FedAuthSettings(FedAuthSettingsBuilder b, Clock clock) {
        this.providers = Collections.unmodifiableMap(new LinkedHashMap<>(b.providers));
        Map<String, Map<String, AuthenticationProvider>> byService = new LinkedHashMap<>();
        b.serviceProviders.forEach((k, v) -> byService.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        this.serviceProviders = Collections.unmodifiableMap(byService);
        this.sealer = b.sealingKey.map(k -> PendingLoginSealer.create(k, b.olderSealingKeys, clock));
        this.store = b.store;
        this.protectedPaths = Collections.unmodifiableMap(new LinkedHashMap<>(b.protectedPaths));
        this.enterpriseResolver = b.enterpriseResolver;
        this.accessPolicy = b.accessPolicy.orElseGet(() -> AccessPolicy.create(clock));
        this.clock = clock;
        this.random = b.random;
        this.loginPath = b.loginPath;
        this.callbackPaths = List.copyOf(b.callbackPaths);
        this.logoutPath = b.logoutPath;
        this.metadataPath = b.metadataPath;
        this.singleLogoutPath = b.singleLogoutPath;
        this.loginPage = b.loginPage;
        this.afterLoginPath = b.afterLoginPath;
        this.afterLogoutPath = b.afterLogoutPath;
        this.postLogoutRedirect = b.postLogoutRedirect;
        this.eServices = List.copyOf(b.eServices);
        this.defaultLanguage = b.defaultLanguage;
        this.plainHttpCookies = b.plainHttpCookies;
        this.publicUrl = b.publicUrl;
        this.sessionIdleTimeout = b.sessionIdleTimeout;
        this.sessionMaxLifetime = b.sessionMaxLifetime;
        this.userEnricher = b.userEnricher;
        this.audit = new Audit(b.auditSink, b.pseudonymKey, clock);
        this.minimumLevel = b.minimumLevel;
        this.serviceLevels = Map.copyOf(b.serviceLevels);
        Map<String, Set<ProviderId>> allowed = new LinkedHashMap<>();
        b.allowedProviders.forEach((k, v) -> allowed.put(k, Set.copyOf(v)));
        this.allowedProviders = Collections.unmodifiableMap(allowed);
    }

    /** A builder with the defaults above. */
    public static FedAuthSettingsBuilder builder() {
        return new FedAuthSettingsBuilder();
    }

    /** The providers for any e-service, by protocol name, in the order added (the first is the default). */
    public Map<String, AuthenticationProvider> providers() {
        return providers;
    }

    /**
     * The providers offered for one e-service, by protocol name: its own providers where it has them,
     * else the general ones.
     */
    public Map<String, AuthenticationProvider> providers(EService eService) {
        Map<String, AuthenticationProvider> specific = serviceProviders.get(eService.id());
        if (specific == null) {
            return providers;
        }
        Map<String, AuthenticationProvider> merged = new LinkedHashMap<>(specific);
        providers.forEach(merged::putIfAbsent);
        return Collections.unmodifiableMap(merged);
    }

    /** The level every login must reach unless its e-service has its own (default {@code LEVEL_300}). */
    public AssuranceLevel minimumLevel() {
        return minimumLevel;
    }

    /** The level a login for this e-service must reach, and a session must have to use it. */
    public AssuranceLevel minimumLevel(EService eService) {
        return serviceLevels.getOrDefault(eService.id(), minimumLevel);
    }

    /**
     * The providers whose logins may reach this e-service, when the settings name them; empty when
     * they do not (then: the providers its routes lead to).
     */
    public Optional<Set<ProviderId>> allowedProviders(EService eService) {
        return Optional.ofNullable(allowedProviders.get(eService.id()));
    }

    /** The e-services that {@code /login?service=} accepts. */
    public List<EService> eServices() {
        return eServices;
    }

    /** The login endpoint. */
    public String loginPath() {
        return loginPath;
    }

    /** The callback endpoints (OIDC redirect URI, SAML assertion consumer service). */
    public List<String> callbackPaths() {
        return callbackPaths;
    }

    /** The logout endpoint. */
    public String logoutPath() {
        return logoutPath;
    }

    /** Where SAML service-provider metadata is served. */
    public String metadataPath() {
        return metadataPath;
    }

    /** The single-logout endpoint (SAML Single Logout over HTTP-Redirect). */
    public String singleLogoutPath() {
        return singleLogoutPath;
    }

    /**
     * Whether cookies may go without {@code Secure} over plain HTTP (see
     * {@link FedAuthSettingsBuilder#allowPlainHttpCookies()}).
     */
    public boolean plainHttpCookies() {
        return plainHttpCookies;
    }

    /** The URL browsers use, when configured; its scheme decides whether the pending-login cookie is Secure. */
    public Optional<URI> publicUrl() {
        return publicUrl;
    }

    /** How long a logged-in session may go without a request (default 30 minutes). */
    public Duration sessionIdleTimeout() {
        return sessionIdleTimeout;
    }

    /** How long a logged-in session may last from its login (default 8 hours). */
    public Duration sessionMaxLifetime() {
        return sessionMaxLifetime;
    }

    /** The clock. */
    public Clock clock() {
        return clock;
    }

    /** The access policy. */
    public AccessPolicy accessPolicy() {
        return accessPolicy;
    }

    /** The endpoints' shared configuration. */
    Config config() {
        Routes routes = new Routes(providers, serviceProviders);
        return new Config(routes, new PendingLogins(sealer, store),
                new Pages(random), eServices, protectedPaths, enterpriseResolver, accessPolicy, clock, loginPath,
                callbackPaths, logoutPath, metadataPath, singleLogoutPath, loginPage, afterLoginPath, afterLogoutPath,
                postLogoutRedirect,
                defaultLanguage, cookieSecurity(), new SessionLifetime.Policy(clock, sessionIdleTimeout, sessionMaxLifetime),
                userEnricher, audit, new Requirements(minimumLevel, serviceLevels, allowedProviders, routes), random);
    }

    /** The public URL's scheme decides; without one, Secure unless plain-HTTP cookies are allowed. */
    private PendingCookie.Security cookieSecurity() {
        if (publicUrl.isPresent()) {
            return "https".equalsIgnoreCase(publicUrl.get().getScheme()) ? PendingCookie.Security.ALWAYS
                    : PendingCookie.Security.NEVER;
        }
        return plainHttpCookies ? PendingCookie.Security.WHEN_REQUEST_IS_SECURE : PendingCookie.Security.ALWAYS;
    }

    /** Providers by name and settings; never a key. */
    @Override
    public String toString() {
        return "FedAuthSettings[providers=" + providers.keySet() + ", serviceProviders=" + serviceProviders.keySet()
                + ", pendingLogins=" + (sealer.isPresent() ? "sealed cookie " + sealer.get() : "store")
                + ", protectedPaths=" + protectedPaths.keySet() + ", minimumLevel=" + minimumLevel.value()
                + (serviceLevels.isEmpty() ? "" : ", serviceLevels=" + serviceLevels)
                + (allowedProviders.isEmpty() ? "" : ", allowedProviders=" + allowedProviders)
                + ", login=" + loginPath + ", callbacks="
                + callbackPaths + ", logout=" + logoutPath + ", metadata=" + metadataPath + ", slo=" + singleLogoutPath
                + ", publicUrl=" + publicUrl.map(URI::toString).orElse("none")
                + ", sessionIdle=" + sessionIdleTimeout + ", sessionMax=" + sessionMaxLifetime
                + (plainHttpCookies ? ", PLAIN HTTP COOKIES ALLOWED" : "")
                + "]";
    }
}
