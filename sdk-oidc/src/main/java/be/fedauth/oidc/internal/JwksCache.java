package be.fedauth.oidc.internal;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.core.ProviderId;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity provider's JWKS, cached. Fetched again after the cache time, or earlier for an unknown
 * {@code kid} (a key rotation, OIDC Core 10.1.1) at most once per refetch interval.
 *
 * <ul>
 *   <li>A fetch that returns no usable key (empty, only keys of the wrong type, use or operations,
 *       not a JWK set) never replaces a good set: it counts as a failed fetch ({@code idp_invalid_response}).</li>
 *   <li>A failed fetch keeps the last good set in use for the outage tolerance after its cache time,
 *       logged at WARN; it does not use up the refetch interval, so once the identity provider is back
 *       the next login with the new {@code kid} fetches at once.</li>
 *   <li>One fetch in flight; the others get the stale set at once when it is still within the outage
 *       tolerance, else wait at most the fetch deadline ({@link SingleFlight}); after a failed refresh
 *       the stale set is served without a new attempt for one refetch interval.</li>
 * </ul>
 * Thread-safe.
 */
final class JwksCache {
    private static final Logger LOG = LoggerFactory.getLogger(JwksCache.class);

    private final URI uri;
    private final HttpTransport http;
    private final Clock clock;
    private final Duration ttl;
    private final Duration refetchInterval;
    private final Duration outageTolerance;
    private final Predicate<JWK> usable;
    private final SingleFlight<JWKSet> flight;
    private final ProviderId provider;
    private volatile Cached cached;
    private volatile Instant lastKidRefetch = Instant.MIN;
    private volatile Instant lastFailure = Instant.MIN;

    private record Cached(JWKSet set, Instant fetchedAt) {
    }

    JwksCache(URI uri, HttpTransport http, Clock clock, Duration ttl, Duration refetchInterval, Duration outageTolerance,
              Duration fetchTimeout, Predicate<JWK> usable, ProviderId provider) {
        this.uri = uri;
        this.http = http;
        this.clock = clock;
        this.ttl = ttl;
        this.refetchInterval = refetchInterval;
        this.outageTolerance = outageTolerance;
        this.usable = usable;
        this.flight = new SingleFlight<>("JWKS", fetchTimeout);
        this.provider = provider;
    }

    /**
     * The set to use now: the cached one while fresh, else a new one, else (identity provider down) the
     * cached one within the outage tolerance.
     *
     * @throws IdpUnavailableException {@code idp_unavailable} or {@code idp_invalid_response} without a usable set
     */
    JWKSet current() {
        Instant now = clock.instant();
        Cached c = cached;
        if (c != null && now.isBefore(c.fetchedAt.plus(ttl))) {
            return c.set;
        }
        boolean usableStale = c != null && now.isBefore(c.fetchedAt.plus(ttl).plus(outageTolerance));
        // A stale but usable set is served at once while another login refreshes it, and for one refetch
        // interval after a failed refresh: a slow or down JWKS endpoint costs one fetch, not every login.
        if (usableStale && (flight.busy() || now.isBefore(lastFailure.plus(refetchInterval)))) {
            return c.set;
        }
        try {
            return flight.run(() -> fetch(now, c));
        } catch (FedAuthException e) {
            lastFailure = now;
            if (usableStale) {
                LOG.warn("OpenID provider {}: JWKS refresh failed ({}: {}); using the set fetched at {}", provider,
                        e.code(), Reasons.of(e), c.fetchedAt);
                return c.set;
            }
            throw e;
        }
    }

    /**
     * A newer set than {@code seen}, fetched now for an unknown {@code kid}, or {@code seen} itself when
     * the refetch interval has not passed since the last successful refetch.
     *
     * @throws IdpUnavailableException when the refetch fails: the key may be new, so this is an
     *     outage, not a bad signature; the interval is not used up
     */
    JWKSet refetch(JWKSet seen) {
        Cached c = cached;
        if (c != null && c.set != seen) {
            return c.set; // Another login refetched meanwhile.
        }
        Instant now = clock.instant();
        if (now.isBefore(lastKidRefetch.plus(refetchInterval))) {
            return seen; // Too many unknown kids lately: no fetch storm (OIDC Core 10.1.1).
        }
        JWKSet fresh = flight.run(() -> fetch(now, c));
        lastKidRefetch = now;
        return fresh;
    }

    private JWKSet fetch(Instant now, Cached before) {
        HttpTransport.Response response = http.get(uri, Map.of("Accept", "application/json, application/jwk-set+json"), "JWKS");
        if (!response.ok()) {
            throw new IdpUnavailableException(response.status() >= 500 || response.status() == 429
                    ? ErrorCode.IDP_UNAVAILABLE : ErrorCode.IDP_INVALID_RESPONSE, "the JWKS endpoint answered HTTP "
                    + response.status());
        }
        JWKSet set;
        try {
            set = JWKSet.parse(response.body());
        } catch (ParseException | RuntimeException e) {
            throw new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE, "the JWKS is not a valid JWK set", e);
        }
        if (set.getKeys().stream().noneMatch(usable)) {
            throw new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE, "the JWKS has no usable signature key ("
                    + set.getKeys().size() + " key(s), none public, of an allowed type, for verifying)"
                    + (before != null ? "; the previous set stays in use" : ""));
        }
        cached = new Cached(set, now);
        return set;
    }
}
