package be.fedauth.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.ConfigurationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.ProviderId;
import be.fedauth.saml.support.LoopbackServer;
import be.fedauth.core.SettableClock;
import be.fedauth.saml.support.SpFixture;
import be.fedauth.saml.support.TestCredentials;
import be.fedauth.saml.support.TestIdp;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12 points 2 and 5 on a real HTTP server on loopback: a metadata body trickled for longer than the
 * timeout holds no login (nor the cache's lock) beyond the timeout, and an unusable metadata URL fails
 * with the code that tells the truth.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // Turns a hang into a failure.
class MetadataTimeoutTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** Room for parsing, a signature check and a loaded machine: far below the trickle's 15 s. */
    private static final Duration MARGIN = Duration.ofSeconds(3);
    private static final TestCredentials SIGNER = TestCredentials.rsa("idp-metadata");
    private static final TestCredentials IDP = TestCredentials.rsa("idp");

    /** How the server answers: the metadata at once, trickled, or unsigned. */
    enum Mode { NORMAL, TRICKLE, UNSIGNED }

    private final SettableClock clock = SettableClock.fixed(SpFixture.NOW);
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.NORMAL);
    private final ExecutorService logins = Executors.newFixedThreadPool(6);
    private LoopbackServer server;

    @BeforeEach
    void start() throws IOException {
        byte[] signed = TestIdp.metadata(TestIdp.ENTITY_ID, List.of(IDP.certificate()), SIGNER).getBytes(StandardCharsets.UTF_8);
        byte[] unsigned = TestIdp.metadata(TestIdp.ENTITY_ID, List.of(IDP.certificate()), null).getBytes(StandardCharsets.UTF_8);
        server = new LoopbackServer((path, out) -> {
            Mode now = mode.get();
            byte[] body = now == Mode.UNSIGNED ? unsigned : signed;
            LoopbackServer.headers(out, "application/samlmetadata+xml", body.length);
            if (now != Mode.TRICKLE) {
                out.write(body);
                return;
            }
            // The fault: headers at once, then the body in 300 pieces 50 ms apart (15 s in all).
            int piece = body.length / 300 + 1;
            for (int i = 0; i < body.length; i += piece) {
                out.write(body, i, Math.min(piece, body.length - i));
                out.flush();
                Thread.sleep(50);
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        logins.shutdownNow();
        server.close();
    }

    @Test
    void point2_firstLoadOfATrickledBody_failsWithIdpUnavailableWithinTheTimeout() {
        mode.set(Mode.TRICKLE);
        SamlProvider provider = provider(source());
        long start = System.nanoTime();

        assertThatThrownBy(() -> provider.startLogin(LoginRequest.builder().build()))
                .isInstanceOfSatisfying(IdpUnavailableException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.IDP_UNAVAILABLE));
        assertThat(since(start)).isLessThan(TIMEOUT.plus(MARGIN));
    }

    @Test
    void point2_parallelFirstLoadsOfATrickledBody_doNotQueueBehindOneAnother() throws Exception {
        mode.set(Mode.TRICKLE);
        SamlProvider provider = provider(source());

        List<Outcome> outcomes = inParallel(6, () -> provider.startLogin(LoginRequest.builder().build()));

        for (Outcome outcome : outcomes) {
            assertThat(outcome.code()).isEqualTo(ErrorCode.IDP_UNAVAILABLE);
            // Queued one behind the other, the last would wait 6 x 15 s (before: unbounded body) or 6 x 1 s.
            assertThat(outcome.took()).isLessThan(TIMEOUT.plus(MARGIN));
        }
    }

    @Test
    void point2_refreshOfATrickledBody_servesTheLastGoodCopyAndReleasesTheLock() throws Exception {
        IdpMetadataSource source = source();
        SamlProvider provider = provider(source);
        provider.startLogin(LoginRequest.builder().build());
        mode.set(Mode.TRICKLE);
        clock.advance(Duration.ofHours(6));

        List<Outcome> outcomes = inParallel(6, () -> provider.startLogin(LoginRequest.builder().build()));

        for (Outcome outcome : outcomes) {
            assertThat(outcome.code()).isNull();
            assertThat(outcome.took()).isLessThan(TIMEOUT.plus(MARGIN));
        }
        mode.set(Mode.NORMAL);
        long start = System.nanoTime();
        assertThat(source.refreshNow()).isTrue();
        assertThat(since(start)).isLessThan(TIMEOUT.plus(MARGIN));
    }

    @Test
    void point5_unsignedMetadataByUrlWhenASignerIsConfigured_failsWithInvalidConfiguration() {
        mode.set(Mode.UNSIGNED);
        SamlProvider provider = provider(source());

        assertThatThrownBy(() -> provider.startLogin(LoginRequest.builder().build()))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION));
    }

    @Test
    void point5_unsignedMetadataAtRefresh_keepsTheLastGoodCopy() {
        SamlProvider provider = provider(source());
        provider.startLogin(LoginRequest.builder().build());
        mode.set(Mode.UNSIGNED);
        clock.advance(Duration.ofHours(6));

        assertThat(provider.startLogin(LoginRequest.builder().build()).pendingLogin()).isNotNull();
    }

    @Test
    void point5_refusedConnection_failsWithIdpUnavailable() throws IOException {
        int port = server.port();
        server.close();
        SamlProvider provider = provider(IdpMetadataSource.fromUrl(
                URI.create("http://127.0.0.1:" + port + "/md"), TestIdp.ENTITY_ID).signedBy(SIGNER.certificate())
                .timeout(TIMEOUT).clock(clock).build());

        assertThatThrownBy(() -> provider.startLogin(LoginRequest.builder().build()))
                .isInstanceOfSatisfying(IdpUnavailableException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.IDP_UNAVAILABLE));
    }

    private IdpMetadataSource source() {
        return IdpMetadataSource.fromUrl(server.uri("/md"),
                TestIdp.ENTITY_ID).signedBy(SIGNER.certificate()).timeout(TIMEOUT).clock(clock).build();
    }

    private SamlProvider provider(IdpMetadataSource source) {
        TestCredentials sp = TestCredentials.rsa("sp");
        return SamlProvider.create(SamlSettings.builder(ProviderId.of("fas-saml"), SpFixture.SP_ENTITY_ID,
                URI.create(SpFixture.ACS), SpKeys.of(SpKey.of(sp.keyPair().getPrivate(), sp.certificate())), source)
                .clock(clock).build());
    }

    /** How one login went: its error code (null when it succeeded) and how long it took. */
    record Outcome(ErrorCode code, Duration took) {
    }

    private List<Outcome> inParallel(int n, Callable<?> login) throws Exception {
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(logins.submit(() -> {
                long start = System.nanoTime();
                try {
                    login.call();
                    return new Outcome(null, since(start));
                } catch (FedAuthException e) {
                    return new Outcome(e.code(), since(start));
                }
            }));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            outcomes.add(future.get());
        }
        return outcomes;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
