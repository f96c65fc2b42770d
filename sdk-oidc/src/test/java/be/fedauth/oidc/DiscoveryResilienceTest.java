package be.fedauth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.LoginRequest;
import be.fedauth.testkit.Endpoint;
import be.fedauth.testkit.EndpointFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12 point 1: discovery under a slow or failing identity provider, against the fake FAS over
 * real HTTP on loopback: one fetch in flight, the others wait at most the timeout, failures cached
 * briefly, the last good document kept.
 */
class DiscoveryResilienceTest {
    private static final Duration SLOW = Duration.ofSeconds(3);

    private final FakeFasFixture f = new FakeFasFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    /** Connect 500 ms + read 500 ms: a fetch ends within 1 s, a third of the fault's delay. */
    private OidcProvider fastTimeouts() {
        return f.provider(b -> b.connectTimeout(Duration.ofMillis(500)).readTimeout(Duration.ofMillis(500)));
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void point1_parallelLoginsDuringASlowDiscovery_eachWaitAtMostTheTimeout_andOneFetchIsMade() throws Exception {
        OidcProvider provider = fastTimeouts();
        f.fas.injectFault(Endpoint.OIDC_DISCOVERY, EndpointFault.delay(SLOW));
        int logins = 6;
        CountDownLatch ready = new CountDownLatch(logins);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(logins);
        List<Future<Outcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < logins; i++) {
                outcomes.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    long start = System.nanoTime();
                    try {
                        provider.startLogin(LoginRequest.builder().build());
                        return new Outcome(null, Duration.ofNanos(System.nanoTime() - start));
                    } catch (FedAuthException e) {
                        return new Outcome(e.code(), Duration.ofNanos(System.nanoTime() - start));
                    }
                }));
            }
            ready.await();
            go.countDown();
            for (Future<Outcome> outcome : outcomes) {
                Outcome o = outcome.get(30, TimeUnit.SECONDS);
                // Serialised behind a lock, the sixth waited six fetch deadlines (6 s), twice the delay.
                assertThat(o.code).isEqualTo(ErrorCode.IDP_UNAVAILABLE);
                assertThat(o.took).isLessThan(SLOW);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.fas.recordedRequests(Endpoint.OIDC_DISCOVERY)).hasSize(1);
    }

    private record Outcome(ErrorCode code, Duration took) {
    }

    @Test
    void point1_expiredCacheDuringAnOutage_logsInWithTheLastGoodDocument_loggedAtWarn() {
        OidcProvider provider = f.provider();
        f.login(provider, "citizen", DigitalKey.EID);
        f.clock.advance(Duration.ofHours(2)); // The discovery cache (1 h) expired.
        f.fas.injectFault(Endpoint.OIDC_DISCOVERY, EndpointFault.status(503));

        try (LogCapture logs = new LogCapture()) {
            assertThat(f.login(provider, "citizen", DigitalKey.EID).key()).isEqualTo(DigitalKey.EID);

            assertThat(logs.text()).contains("WARN").contains("using the last good discovery document")
                    .contains("idp_unavailable");
        }
        assertThat(f.fas.recordedRequests(Endpoint.OIDC_DISCOVERY)).hasSize(2);
    }

    @Test
    void point1_failedDiscovery_isCachedBriefly_soAnOutageCostsOneFetch() {
        OidcProvider provider = f.provider();
        f.fas.injectFault(Endpoint.OIDC_DISCOVERY, EndpointFault.status(503));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> provider.startLogin(LoginRequest.builder().build()))
                    .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.IDP_UNAVAILABLE);
        }
        assertThat(f.fas.recordedRequests(Endpoint.OIDC_DISCOVERY)).hasSize(1);

        f.fas.clearFaults();
        f.clock.advance(Duration.ofSeconds(6)); // Past the 5 s failure cache.
        assertThat(provider.startLogin(LoginRequest.builder().build()).redirect().location()).isNotNull();
        assertThat(f.fas.recordedRequests(Endpoint.OIDC_DISCOVERY)).hasSize(2);
    }

    @Test
    void point1_failureCacheTime_isASetting() {
        OidcProvider provider = f.provider(b -> b.metadataFailureCacheTtl(Duration.ofSeconds(30)));
        f.fas.injectFault(Endpoint.OIDC_DISCOVERY, EndpointFault.status(503));
        assertThatThrownBy(() -> provider.startLogin(LoginRequest.builder().build()));
        f.fas.clearFaults();
        f.clock.advance(Duration.ofSeconds(20));

        assertThatThrownBy(() -> provider.startLogin(LoginRequest.builder().build()))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.IDP_UNAVAILABLE);
        assertThat(f.fas.recordedRequests(Endpoint.OIDC_DISCOVERY)).hasSize(1);
    }

    @Test
    void point1_jwksEndpointDownAfterItsCacheTime_logsInWithTheStaleSet_andFetchesOncePerRefetchInterval() {
        OidcProvider provider = f.provider();
        f.login(provider, "citizen", DigitalKey.EID);
        f.clock.advance(Duration.ofMinutes(16)); // The JWKS cache (15 min) expired; the outage tolerance has not.
        f.fas.injectFault(Endpoint.OIDC_JWKS, EndpointFault.status(503));
        f.fas.clearRecordedRequests();

        for (int i = 0; i < 3; i++) {
            assertThat(f.login(provider, "citizen", DigitalKey.EID).key()).isEqualTo(DigitalKey.EID);
        }
        assertThat(f.fas.recordedRequests(Endpoint.OIDC_JWKS)).hasSize(1);

        f.clock.advance(Duration.ofSeconds(31)); // Past the refetch interval (30 s): one new attempt.
        assertThat(f.login(provider, "citizen", DigitalKey.EID).key()).isEqualTo(DigitalKey.EID);
        assertThat(f.fas.recordedRequests(Endpoint.OIDC_JWKS)).hasSize(2);
    }
}
