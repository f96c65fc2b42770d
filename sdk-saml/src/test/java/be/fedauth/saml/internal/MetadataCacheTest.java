package be.fedauth.saml.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.core.SettableClock;
import be.fedauth.saml.support.SpFixture;
import be.fedauth.saml.support.TestCredentials;
import be.fedauth.saml.support.TestIdp;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opensaml.security.x509.BasicX509Credential;

/** The cache's lock and failure handling, with a fetcher the test controls. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MetadataCacheTest {
    private static final TestCredentials SIGNER = TestCredentials.rsa("idp-metadata");
    private final SettableClock clock = SettableClock.fixed(SpFixture.NOW);

    @Test
    void point2_firstLoadStuckInAnotherCaller_othersWaitAtMostTheLockTimeout() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MetadataFetcher stuck = new MetadataFetcher() {
            @Override
            public byte[] fetch() {
                fetching.countDown();
                try {
                    release.await(); // A fetch that does not end by itself (a hung file system, say).
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return metadata();
            }

            @Override
            public String describe() {
                return "stuck";
            }
        };
        MetadataCache cache = cache(stuck, Duration.ofMillis(300));
        CompletableFuture<IdpDescriptor> first = CompletableFuture.supplyAsync(cache::current);
        assertThat(fetching.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            long start = System.nanoTime();

            assertThatThrownBy(cache::current).isInstanceOfSatisfying(IdpUnavailableException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.IDP_UNAVAILABLE));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(cache.refreshNow()).isFalse();
        } finally {
            release.countDown();
        }
        assertThat(first.get(30, TimeUnit.SECONDS).entityId()).isEqualTo(TestIdp.ENTITY_ID);
    }

    @Test
    void point2_failedFirstLoad_isRememberedUntilTheRetryInterval() {
        int[] fetches = {0};
        MetadataFetcher refused = new MetadataFetcher() {
            @Override
            public byte[] fetch() {
                fetches[0]++;
                throw new IdpUnavailableException(ErrorCode.IDP_UNAVAILABLE, "the SAML metadata request failed",
                        new ConnectException());
            }

            @Override
            public String describe() {
                return "refused";
            }
        };
        MetadataCache cache = cache(refused, Duration.ofSeconds(1));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(cache::current).isInstanceOf(IdpUnavailableException.class);
        }
        assertThat(fetches[0]).isEqualTo(1);
        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(cache::current).isInstanceOf(IdpUnavailableException.class);
        assertThat(fetches[0]).isEqualTo(2);
    }

    @Test
    void point5_aRefusedConnection_isLoggedWithItsRealReason() {
        String reason = MetadataCache.reason(new IdpUnavailableException(ErrorCode.IDP_UNAVAILABLE,
                "the SAML metadata request failed", new ConnectException()));

        assertThat(reason).endsWith("the SAML metadata request failed: java.net.ConnectException")
                .doesNotContain("null");
    }

    @Test
    void point5_aReasonWithALineBreak_isLoggedOnOneLine() {
        String reason = MetadataCache.reason(new java.io.IOException("HTTP 500\r\nINFO forged"));

        assertThat(reason).doesNotContain("\r").doesNotContain("\n");
    }

    private MetadataCache cache(MetadataFetcher fetcher, Duration lockTimeout) {
        return new MetadataCache(fetcher, TestIdp.ENTITY_ID, List.of(new BasicX509Credential(SIGNER.certificate())),
                Duration.ofHours(6), Duration.ofMinutes(5), lockTimeout, clock);
    }

    private static byte[] metadata() {
        return TestIdp.metadata(TestIdp.ENTITY_ID, List.of(TestCredentials.rsa("idp").certificate()), SIGNER)
                .getBytes(StandardCharsets.UTF_8);
    }
}
