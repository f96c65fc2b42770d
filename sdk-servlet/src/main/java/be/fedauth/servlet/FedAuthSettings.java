package be.fedauth.servlet;

import be.fedauth.core.AccessPolicy;
import be.fedauth.core.AuthenticationProvider;
import be.fedauth.core.ConfigurationException;
import be.fedauth.core.EService;
import be.fedauth.core.Language;
import be.fedauth.core.PendingLoginSealer;
import be.fedauth.core.SealingKey;
import be.fedauth.core.spi.AuditSink;
import be.fedauth.core.spi.PendingLoginStore;
import be.fedauth.core.spi.RandomValues;
import be.fedauth.core.spi.ReplayCache;
import be.fedauth.servlet.internal.Audit;
import be.fedauth.servlet.internal.Config;
import be.fedauth.servlet.internal.LocalPaths;
import be.fedauth.servlet.internal.Pages;
import be.fedauth.servlet.internal.PendingLogins;
import be.fedauth.servlet.internal.Routes;
import be.fedauth.servlet.spi.EnterpriseResolver;
import be.fedauth.servlet.spi.UserEnricher;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link FedAuthFilter} does: which providers it drives (by protocol name, optionally per
 * e-service), where it keeps pending logins, which paths it protects, and its endpoints. Immutable
 * and thread-safe; made with {@link #builder()}.
 *
 * <p>Defaults: endpoints {@code /login}, {@code /callback/oidc} and {@code /callback/saml},
 * {@code /logout}; after login and logout the browser goes to {@code /}; the built-in e-services
 * EMCS, NCTS and PLDA; the system clock; an in-memory replay cache (one node); French when nothing
 * says otherwise. All paths are relative to the context path.
 */
public final class FedAuthSettings {
    private static final Logger LOG = LoggerFactory.getLogger(FedAuthSettings.class);
    private static final Pattern PROTOCOL = Pattern.compile("[a-z0-9][a-z0-9-]{0,19}");

    private final Map<String, AuthenticationProvider> providers;
    private final Map<String, Map<String, AuthenticationProvider>> serviceProviders;
    private final Optional<PendingLoginSealer> sealer;
    private final Optional<PendingLoginStore> store;
    private final ReplayCache replayCache;
    private final Map<String, Optional<EService>> protectedPaths;
    private final Optional<EnterpriseResolver> enterpriseResolver;
    private final AccessPolicy accessPolicy;
    private final Clock clock;
    private final RandomValues random;
    private final String loginPath;
    private final List<String> callbackPaths;
    private final String logoutPath;
    private final Optional<String> loginPage;
    private final String afterLoginPath;
    private final String afterLogoutPath;
    private final Optional<URI> postLogoutRedirect;
    private final List<EService> eServices;
    private final Language defaultLanguage;
    private final boolean plainHttpCookies;
    private final UserEnricher userEnricher;
    private final Audit audit;

    private FedAuthSettings(Builder b, Clock clock) {
        this.providers = Collections.unmodifiableMap(new LinkedHashMap<>(b.providers));
        Map<String, Map<String, AuthenticationProvider>> byService = new LinkedHashMap<>();
        b.serviceProviders.forEach((k, v) -> byService.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        this.serviceProviders = Collections.unmodifiableMap(byService);
        this.sealer = b.sealingKey.map(k -> PendingLoginSealer.create(k, b.olderSealingKeys, clock));
        this.store = b.store;
        this.replayCache = b.replayCache.orElseGet(() -> ReplayCache.inMemory(clock, 100_000));
        this.protectedPaths = Collections.unmodifiableMap(new LinkedHashMap<>(b.protectedPaths));
        this.enterpriseResolver = b.enterpriseResolver;
        this.accessPolicy = b.accessPolicy.orElseGet(() -> AccessPolicy.create(clock));
        this.clock = clock;
        this.random = b.random;
        this.loginPath = b.loginPath;
        this.callbackPaths = List.copyOf(b.callbackPaths);
        this.logoutPath = b.logoutPath;
        this.loginPage = b.loginPage;
        this.afterLoginPath = b.afterLoginPath;
        this.afterLogoutPath = b.afterLogoutPath;
        this.postLogoutRedirect = b.postLogoutRedirect;
        this.eServices = List.copyOf(b.eServices);
        this.defaultLanguage = b.defaultLanguage;
        this.plainHttpCookies = b.plainHttpCookies;
        this.userEnricher = b.userEnricher;
        this.audit = new Audit(b.auditSink, b.pseudonymKey, clock);
    }

    /** A builder with the defaults above. */
    public static Builder builder() {
        return new Builder();
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
        return new Config(new Routes(providers, serviceProviders), new PendingLogins(sealer, store, replayCache),
                new Pages(random), eServices, protectedPaths, enterpriseResolver, accessPolicy, clock, loginPath,
                callbackPaths, logoutPath, loginPage, afterLoginPath, afterLogoutPath, postLogoutRedirect,
                defaultLanguage, plainHttpCookies, userEnricher, audit);
    }

    /** Providers by name and settings; never a key. */
    @Override
    public String toString() {
        return "FedAuthSettings[providers=" + providers.keySet() + ", serviceProviders=" + serviceProviders.keySet()
                + ", pendingLogins=" + (sealer.isPresent() ? "sealed cookie " + sealer.get() : "store")
                + ", protectedPaths=" + protectedPaths.keySet() + ", login=" + loginPath + ", callbacks="
                + callbackPaths + ", logout=" + logoutPath + (plainHttpCookies ? ", PLAIN HTTP COOKIES ALLOWED" : "")
                + "]";
    }

    /** Builds {@link FedAuthSettings}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, AuthenticationProvider> providers = new LinkedHashMap<>();
        private final Map<String, Map<String, AuthenticationProvider>> serviceProviders = new LinkedHashMap<>();
        private Optional<SealingKey> sealingKey = Optional.empty();
        private List<SealingKey> olderSealingKeys = List.of();
        private Optional<PendingLoginStore> store = Optional.empty();
        private Optional<ReplayCache> replayCache = Optional.empty();
        private final Map<String, Optional<EService>> protectedPaths = new LinkedHashMap<>();
        private Optional<EnterpriseResolver> enterpriseResolver = Optional.empty();
        private Optional<AccessPolicy> accessPolicy = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private RandomValues random = RandomValues.secure();
        private String loginPath = "/login";
        private List<String> callbackPaths = List.of("/callback/oidc", "/callback/saml");
        private String logoutPath = "/logout";
        private Optional<String> loginPage = Optional.empty();
        private String afterLoginPath = "/";
        private String afterLogoutPath = "/";
        private Optional<URI> postLogoutRedirect = Optional.empty();
        private List<EService> eServices = EService.builtIn();
        private Language defaultLanguage = Language.FR;
        private boolean plainHttpCookies;
        private UserEnricher userEnricher = UserEnricher.NONE;
        private AuditSink auditSink = AuditSink.NONE;
        private Optional<byte[]> pseudonymKey = Optional.empty();
        private final List<String> errors = new ArrayList<>();

        private Builder() {
        }

        /**
         * A provider for every e-service, chosen with {@code /login?protocol=<name>}. The first one
         * added is used when the parameter is absent.
         *
         * @param protocol 1 to 20 lower-case letters, digits or '-' ("oidc", "saml")
         */
        public Builder provider(String protocol, AuthenticationProvider provider) {
            if (providers.putIfAbsent(checkProtocol(protocol), Objects.requireNonNull(provider, "provider")) != null) {
                errors.add("two providers for protocol " + protocol);
            }
            return this;
        }

        /**
         * A provider for one e-service, used instead of the general provider of the same protocol name:
         * for example NCTS through a {@link be.fedauth.core.TransitionAuthenticationProvider}.
         */
        public Builder provider(EService eService, String protocol, AuthenticationProvider provider) {
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
        public Builder sealedPendingLogins(SealingKey key, SealingKey... older) {
            this.sealingKey = Optional.of(Objects.requireNonNull(key, "key"));
            this.olderSealingKeys = List.copyOf(Arrays.asList(older));
            return this;
        }

        /** Pending logins stay in a store; the cookie holds only the store's random handle. */
        public Builder pendingLoginStore(PendingLoginStore value) {
            this.store = Optional.of(Objects.requireNonNull(value, "pendingLoginStore"));
            return this;
        }

        /**
         * Where sealed pending logins are marked used, so that one is accepted once (default: in
         * memory, one node; share one, such as Redis, between nodes).
         */
        public Builder replayCache(ReplayCache value) {
            this.replayCache = Optional.of(Objects.requireNonNull(value, "replayCache"));
            return this;
        }

        /** Only logged-in users may request this path or anything below it. */
        public Builder protect(String pathPrefix) {
            addProtected(pathPrefix, Optional.empty());
            return this;
        }

        /**
         * Only logged-in users whom the {@link AccessPolicy} permits to use {@code eService}, in the
         * name of the enterprise the {@link EnterpriseResolver} names, may request this path or below.
         */
        public Builder protect(String pathPrefix, EService eService) {
            addProtected(pathPrefix, Optional.of(Objects.requireNonNull(eService, "eService")));
            return this;
        }

        private void addProtected(String pathPrefix, Optional<EService> eService) {
            String path = path(pathPrefix, "a protected path");
            if (protectedPaths.putIfAbsent(path, eService) != null) {
                errors.add("the path " + path + " is protected twice");
            }
        }

        /** Names the enterprise in whose name the user acts; required when a path is protected per e-service. */
        public Builder enterpriseResolver(EnterpriseResolver value) {
            this.enterpriseResolver = Optional.of(Objects.requireNonNull(value, "enterpriseResolver"));
            return this;
        }

        /** Completes each logged-in user with the application's own knowledge (default: none). */
        public Builder userEnricher(UserEnricher value) {
            this.userEnricher = Objects.requireNonNull(value, "userEnricher");
            return this;
        }

        /**
         * Where the filter's own audit events go (callbacks refused before any provider ran, sessions
         * started and ended, access denied); users appear as the pseudonym of their national number under
         * {@code pseudonymKey} (at least 16 bytes; see {@link be.fedauth.core.spi.AuditEvent#pseudonym}).
         */
        public Builder auditSink(AuditSink sink, byte[] pseudonymKey) {
            this.auditSink = Objects.requireNonNull(sink, "auditSink");
            if (pseudonymKey.length < 16) {
                errors.add("the audit pseudonym key has at least 16 bytes");
            }
            this.pseudonymKey = Optional.of(pseudonymKey.clone());
            return this;
        }

        /** The access policy (default: {@link AccessPolicy#create(Clock)} with this clock). */
        public Builder accessPolicy(AccessPolicy value) {
            this.accessPolicy = Optional.of(Objects.requireNonNull(value, "accessPolicy"));
            return this;
        }

        /** The clock for pending logins, replay entries and access dates. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Random values for CSP nonces (default: {@link RandomValues#secure()}). */
        public Builder randomValues(RandomValues value) {
            this.random = Objects.requireNonNull(value, "randomValues");
            return this;
        }

        /** The login endpoint (default {@code /login}). */
        public Builder loginPath(String value) {
            this.loginPath = path(value, "the login path");
            return this;
        }

        /**
         * The callback endpoints, one per redirect URI or assertion consumer service that the providers
         * are configured with (default {@code /callback/oidc} and {@code /callback/saml}).
         */
        public Builder callbackPaths(String... values) {
            List<String> paths = new ArrayList<>();
            for (String value : values) {
                paths.add(path(value, "a callback path"));
            }
            this.callbackPaths = paths;
            return this;
        }

        /** The logout endpoint (default {@code /logout}). */
        public Builder logoutPath(String value) {
            this.logoutPath = path(value, "the logout path");
            return this;
        }

        /**
         * An application page where users pick how to log in (keys, protocol); users who are not
         * logged in are sent there with {@code service} and {@code returnTo} parameters. Without it
         * they go straight to the login endpoint with the default protocol.
         */
        public Builder loginPage(String value) {
            this.loginPage = Optional.of(path(value, "the login page"));
            return this;
        }

        /** Where the browser goes after login when no local return path was given (default {@code /}). */
        public Builder afterLoginPath(String value) {
            this.afterLoginPath = path(value, "the after-login path");
            return this;
        }

        /** Where the browser goes after a local logout (default {@code /}). */
        public Builder afterLogoutPath(String value) {
            this.afterLogoutPath = path(value, "the after-logout path");
            return this;
        }

        /** The absolute URL the identity provider sends the browser to after its logout, as registered there. */
        public Builder postLogoutRedirect(URI value) {
            Objects.requireNonNull(value, "postLogoutRedirect");
            if (!value.isAbsolute()) {
                errors.add("the post-logout redirect must be an absolute URL");
            }
            this.postLogoutRedirect = Optional.of(value);
            return this;
        }

        /** The e-services that can be named in {@code /login?service=} (default: EMCS, NCTS, PLDA). */
        public Builder eServices(List<EService> value) {
            this.eServices = List.copyOf(value);
            return this;
        }

        /** The language when neither the request nor the user names one (default French). */
        public Builder defaultLanguage(Language value) {
            this.defaultLanguage = Objects.requireNonNull(value, "defaultLanguage");
            return this;
        }

        /**
         * Allows the pending-login cookie without {@code Secure} on plain HTTP to hosts other than
         * loopback. Only for test environments without TLS; logged at WARN.
         */
        public Builder allowPlainHttpCookies() {
            this.plainHttpCookies = true;
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
         * @throws ConfigurationException when no provider is given, when neither or both of sealed
         *     cookies and a store are chosen, when a path protected per e-service has no enterprise
         *     resolver, or when a value above was refused
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
            if (callbackPaths.isEmpty()) {
                problems.add("at least one callback path is required");
            }
            List<String> endpoints = new ArrayList<>(callbackPaths);
            endpoints.add(loginPath);
            endpoints.add(logoutPath);
            if (endpoints.stream().distinct().count() != endpoints.size()) {
                problems.add("the login, callback and logout paths must differ");
            }
            // The endpoints are served before any protection applies; an application login page is not.
            loginPage.filter(page -> protectedPaths.keySet().stream().anyMatch(p -> LocalPaths.isUnder(page, p)))
                    .ifPresent(page -> problems.add("the login page " + page + " lies under a protected path"));
            for (String service : serviceProviders.keySet()) {
                if (eServices.stream().noneMatch(s -> s.id().equals(service))) {
                    problems.add("providers for " + service + ", which is not among the e-services");
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException("fedauth servlet settings: " + String.join("; ", problems));
            }
            if (plainHttpCookies) {
                LOG.warn("fedauth: pending-login cookies may travel without Secure over plain HTTP (allowPlainHttpCookies)");
            }
            return new FedAuthSettings(this, clock);
        }
    }
}
