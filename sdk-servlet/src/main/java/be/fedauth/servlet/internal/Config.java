package be.fedauth.servlet.internal;

import be.fedauth.core.AccessPolicy;
import be.fedauth.core.EService;
import be.fedauth.core.Language;
import be.fedauth.core.spi.RandomValues;
import be.fedauth.servlet.spi.EnterpriseResolver;
import be.fedauth.servlet.spi.UserEnricher;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the endpoints share, taken from the public settings when the filter starts.
 *
 * @param routes providers by protocol name and e-service
 * @param pendingLogins how pending logins are kept
 * @param pages the built-in pages
 * @param eServices the e-services {@code service=} may name
 * @param protectedPaths path prefix to the e-service it needs, longest first
 * @param enterpriseResolver names the enterprise for access decisions
 * @param accessPolicy decides access
 * @param clock the clock
 * @param loginPath the login endpoint (within the context)
 * @param callbackPaths the callback endpoints
 * @param logoutPath the logout endpoint
 * @param metadataPath where SAML service-provider metadata is served
 * @param singleLogoutPath the single-logout endpoint
 * @param loginPage the application's login page, if any
 * @param afterLoginPath the default return path
 * @param afterLogoutPath where a local logout ends
 * @param postLogoutRedirect the absolute URL the identity provider returns to after logout
 * @param defaultLanguage the language when nothing else says
 * @param cookieSecurity when the pending-login cookie is Secure
 * @param sessionPolicy the logged-in session's limits
 * @param userEnricher completes users before they are kept in the session
 * @param audit the filter's audit events
 * @param requirements the minimum levels and allowed providers
 * @param random random values (logout states)
 */
public record Config(Routes routes, PendingLogins pendingLogins, Pages pages, List<EService> eServices,
                     Map<String, Optional<EService>> protectedPaths, Optional<EnterpriseResolver> enterpriseResolver,
                     AccessPolicy accessPolicy, Clock clock, String loginPath, List<String> callbackPaths,
                     String logoutPath, String metadataPath, String singleLogoutPath, Optional<String> loginPage, String afterLoginPath, String afterLogoutPath,
                     Optional<URI> postLogoutRedirect, Language defaultLanguage, PendingCookie.Security cookieSecurity,
                     SessionLifetime.Policy sessionPolicy, UserEnricher userEnricher, Audit audit, Requirements requirements,
                     RandomValues random) {

    /** The e-service with this id, case-insensitive, among the configured ones. */
    public Optional<EService> eService(String id) {
        return eServices.stream().filter(s -> s.id().equalsIgnoreCase(id)).findFirst();
    }

    /**
     * Whether a local path (as {@link LocalPaths#local} returns it, query allowed) is one of the
     * filter's endpoints: returning there would start a login loop or log out at once.
     */
    public boolean isEndpoint(String localPath) {
        int end = firstOf(localPath, '?', '#');
        String bare = end < 0 ? localPath : localPath.substring(0, end);
        return bare.equals(loginPath) || bare.equals(logoutPath) || callbackPaths.contains(bare)
                || bare.equals(metadataPath) || bare.equals(singleLogoutPath);
    }

    /** The configured e-service with this exact id (from a pending login). */
    public Optional<EService> eServiceExact(Optional<String> id) {
        return id.flatMap(i -> eServices.stream().filter(s -> s.id().equals(i)).findFirst());
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
