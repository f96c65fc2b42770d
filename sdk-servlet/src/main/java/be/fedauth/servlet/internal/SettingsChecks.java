package be.fedauth.servlet.internal;

import be.fedauth.core.AuthenticationProvider;
import be.fedauth.core.EService;
import be.fedauth.core.ProviderId;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The checks of the servlet settings that look at several values at once; each returns the problems found. */
public final class SettingsChecks {
    /** The shortest idle timeout accepted. */
    public static final Duration MIN_IDLE = Duration.ofMinutes(1);
    /** The longest absolute session lifetime accepted. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(7);

    private SettingsChecks() {
    }

    /**
     * Two different providers with one {@link ProviderId}: pending logins, sessions, audit events and
     * the allowed-provider rules name providers by id, so the second would finish, log out or pass
     * for the first (two OIDC issuers both left at the default id {@code fas-oidc}, for example). The
     * same provider under several protocol names or e-services is fine.
     */
    public static List<String> providerIds(Map<String, AuthenticationProvider> general,
                                           Map<String, Map<String, AuthenticationProvider>> byService) {
        Map<AuthenticationProvider, String> where = new IdentityHashMap<>();
        general.forEach((protocol, p) -> where.putIfAbsent(p, "protocol " + protocol));
        byService.forEach((service, providers) -> providers.forEach((protocol, p) ->
                where.putIfAbsent(p, service + " protocol " + protocol)));
        Map<ProviderId, String> seen = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        where.forEach((provider, place) -> {
            String earlier = seen.putIfAbsent(provider.id(), place);
            if (earlier != null) {
                problems.add("two different providers have the id " + provider.id().value() + " (" + earlier
                        + ", " + place + "): give each its own id");
            }
        });
        return problems;
    }

    /** The idle timeout is at least a minute, and at most the maximum lifetime, which is at most 7 days. */
    public static List<String> lifetimes(Duration idle, Duration maximum) {
        List<String> problems = new ArrayList<>();
        if (idle.compareTo(MIN_IDLE) < 0) {
            problems.add("the session idle timeout is at least " + MIN_IDLE + ", not " + idle);
        }
        if (maximum.compareTo(idle) < 0) {
            problems.add("the session maximum lifetime (" + maximum + ") is shorter than its idle timeout (" + idle + ")");
        }
        if (maximum.compareTo(MAX_LIFETIME) > 0) {
            problems.add("the session maximum lifetime is at most " + MAX_LIFETIME + ", not " + maximum);
        }
        return problems;
    }

    /**
     * The public URL is absolute {@code https} (or {@code http} to loopback, or to any host with
     * plain-HTTP cookies allowed), with a host and no user info, query or fragment.
     */
    public static List<String> publicUrl(URI url, boolean plainHttpAllowed) {
        List<String> problems = new ArrayList<>();
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || url.getRawUserInfo() != null || url.getRawQuery() != null
                || url.getRawFragment() != null || !(scheme.equals("https") || scheme.equals("http"))) {
            problems.add("the public URL is an absolute http(s) URL with a host and no query, such as"
                    + " https://portal.example.be, not " + url);
        } else if (scheme.equals("http") && !plainHttpAllowed && !isLoopback(url.getHost())) {
            problems.add("the public URL " + url + " is plain http to a host other than loopback: use https,"
                    + " or allowPlainHttpCookies() for a bench without TLS");
        }
        return problems;
    }

    /** Whether a host (name or literal address) is this machine; names other than localhost are never resolved. */
    public static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses (an IPv6 literal has a colon, so "cafe" or "bad" cannot pass for one).
        if (!bare.matches("[0-9.]+") && !(bare.indexOf(':') >= 0 && bare.matches("[0-9a-fA-F:.]+"))) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The endpoints: at least one callback, all different; the application's login page not under a
     * protected path (the endpoints are served before any protection applies, a login page is not).
     *
     * @param otherEndpoints the logout, metadata and single-logout paths
     */
    public static List<String> paths(String loginPath, List<String> callbackPaths, List<String> otherEndpoints,
                                     Optional<String> loginPage, Collection<String> protectedPaths) {
        List<String> problems = new ArrayList<>();
        if (callbackPaths.isEmpty()) {
            problems.add("at least one callback path is required");
        }
        List<String> endpoints = new ArrayList<>(callbackPaths);
        endpoints.add(loginPath);
        endpoints.addAll(otherEndpoints);
        if (endpoints.stream().distinct().count() != endpoints.size()) {
            problems.add("the login, callback, logout, metadata and single-logout paths must differ");
        }
        loginPage.filter(page -> protectedPaths.stream().anyMatch(p -> LocalPaths.isUnder(page, p)))
                .ifPresent(page -> problems.add("the login page " + page + " lies under a protected path"));
        return problems;
    }

    /** E-service ids named in settings (own levels, allowed providers, own providers) that are not among the e-services. */
    public static List<String> unknownServices(List<EService> eServices, Set<String> levels, Set<String> allowed,
                                               Set<String> withProviders) {
        List<String> problems = new ArrayList<>();
        Set<String> levelsOrAllowed = new LinkedHashSet<>(levels);
        levelsOrAllowed.addAll(allowed);
        for (String service : levelsOrAllowed) {
            if (eServices.stream().noneMatch(s -> s.id().equals(service))) {
                problems.add("a minimum level or allowed providers for " + service + ", which is not among the e-services");
            }
        }
        for (String service : withProviders) {
            if (eServices.stream().noneMatch(s -> s.id().equals(service))) {
                problems.add("providers for " + service + ", which is not among the e-services");
            }
        }
        return problems;
    }
}
