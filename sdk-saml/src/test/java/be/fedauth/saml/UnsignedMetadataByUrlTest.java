package be.fedauth.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.CallbackRequest;
import be.fedauth.core.ConfigurationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.ProviderId;
import be.fedauth.core.SettableClock;
import be.fedauth.saml.support.LogCapture;
import be.fedauth.saml.support.LoopbackServer;
import be.fedauth.saml.support.ResponseSpec;
import be.fedauth.saml.support.SpFixture;
import be.fedauth.saml.support.TestCredentials;
import be.fedauth.saml.support.TestIdp;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13 point 6: metadata by URL from an identity provider that does not sign it (Keycloak,
 * SimpleSAMLphp), from a real HTTP server on 127.0.0.1: accepted only with {@code allowUnsignedMetadata()}
 * and over HTTPS or from a loopback address, logged once at WARN, then refreshed by the clock keeping the
 * last good copy exactly as signed metadata is.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UnsignedMetadataByUrlTest {
    private static final TestCredentials KEY_A = TestCredentials.rsa("idp");
    private static final TestCredentials KEY_B = TestCredentials.rsa("idp-next");

    private final SettableClock clock = SettableClock.fixed(SpFixture.NOW);
    /** What the server answers: a status line and a body. */
    private final AtomicReference<String> status = new AtomicReference<>("200 OK");
    private final AtomicReference<byte[]> body = new AtomicReference<>(unsigned(TestIdp.ENTITY_ID, KEY_A));
    private LoopbackServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer((path, out) -> {
            byte[] bytes = body.get();
            out.write(("HTTP/1.1 " + status.get() + "\r\nContent-Type: application/samlmetadata+xml\r\nContent-Length: "
                    + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
        });
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void point6_unsignedMetadataFromLoopbackHttp_isUsedWhenOptedIn() {
        SamlProvider provider = provider(source());

        assertThat(login(provider, KEY_A)).isTrue();
        assertThat(login(provider, TestCredentials.rsa("attacker"))).isFalse();
    }

    @Test
    void point6_unsignedMetadataByUrlWithoutTheOptIn_isRefusedAtBuild() {
        assertThatThrownBy(() -> IdpMetadataSource.fromUrl(server.uri("/md"), TestIdp.ENTITY_ID).build())
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION));
    }

    @Test
    void point6_optIn_isLoggedAtWarnOnceAtBuild() {
        try (LogCapture logs = new LogCapture()) {
            SamlProvider provider = provider(source());
            login(provider, KEY_A);
            clock.advance(Duration.ofHours(6));
            login(provider, KEY_A);

            String line = "metadata of " + TestIdp.ENTITY_ID + " from " + server.uri("/md")
                    + " is not signed: trusted because allowUnsignedMetadata() was set";
            assertThat(logs.text()).containsOnlyOnce(line);
            assertThat(logs.text().lines().filter(l -> l.contains(line))).allMatch(l -> l.contains("WARN"));
        }
    }

    @Test
    void point6_changedMetadata_isPickedUpAtTheNextRefresh() {
        SamlProvider provider = provider(source());
        assertThat(login(provider, KEY_A)).isTrue();

        body.set(unsigned(TestIdp.ENTITY_ID, KEY_B));
        clock.advance(Duration.ofHours(5));
        assertThat(login(provider, KEY_A)).isTrue();
        clock.advance(Duration.ofHours(1));

        assertThat(login(provider, KEY_B)).isTrue();
        assertThat(login(provider, KEY_A)).isFalse();
    }

    @Test
    void point6_refreshAnsweredWithAnError_keepsTheLastGoodCopy() {
        IdpMetadataSource source = source();
        SamlProvider provider = provider(source);
        assertThat(login(provider, KEY_A)).isTrue();

        status.set("500 Internal Server Error");
        body.set(unsigned(TestIdp.ENTITY_ID, KEY_B));
        clock.advance(Duration.ofHours(6));

        assertThat(source.refreshNow()).isFalse();
        assertThat(login(provider, KEY_A)).isTrue();
        assertThat(login(provider, KEY_B)).isFalse();
    }

    @Test
    void point6_refreshAnsweredWithGarbage_keepsTheLastGoodCopy() {
        IdpMetadataSource source = source();
        SamlProvider provider = provider(source);
        assertThat(login(provider, KEY_A)).isTrue();

        body.set("<EntityDescriptor><garbage".getBytes(StandardCharsets.UTF_8));
        clock.advance(Duration.ofHours(6));

        assertThat(source.refreshNow()).isFalse();
        assertThat(login(provider, KEY_A)).isTrue();
    }

    @Test
    void point6_refreshDescribingAnotherEntity_isRefusedAndTheLastGoodCopyKept() {
        IdpMetadataSource source = source();
        SamlProvider provider = provider(source);
        assertThat(login(provider, KEY_A)).isTrue();

        body.set(unsigned("https://other.example/idp", KEY_B));
        clock.advance(Duration.ofHours(6));

        assertThat(source.refreshNow()).isFalse();
        assertThat(login(provider, KEY_A)).isTrue();
        assertThat(login(provider, KEY_B)).isFalse();
    }

    @Test
    void point6_firstLoadDescribingAnotherEntity_failsWithIdpUnavailable() {
        body.set(unsigned("https://other.example/idp", KEY_A));

        assertThatThrownBy(() -> provider(source()).startLogin(LoginRequest.builder().build()))
                .isInstanceOfSatisfying(IdpUnavailableException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.IDP_UNAVAILABLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://idp.example.org/md", "http://localhost.example.org/md",
            "http://127.0.0.1.nip.io/md", "http://10.0.0.1/md", "ftp://idp.example.org/md"})
    void point6_unsignedMetadataFromANonLoopbackHttpUrl_isRefusedAtBuildNamingTheUrl(String url) {
        assertThatThrownBy(() -> IdpMetadataSource.fromUrl(URI.create(url), TestIdp.ENTITY_ID).allowUnsignedMetadata()
                .build())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
                    assertThat(e.getMessage()).contains(url);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://idp.example.org/md", "HTTPS://idp.example.org/md", "http://localhost:8080/md",
            "http://127.0.0.1/md", "http://127.1.2.3:8080/md", "http://[::1]:8080/md"})
    void point6_unsignedMetadataOverHttpsOrFromALoopbackAddress_isAcceptedAtBuild(String url) {
        IdpMetadataSource source = IdpMetadataSource.fromUrl(URI.create(url), TestIdp.ENTITY_ID).allowUnsignedMetadata()
                .build();

        assertThat(source).hasToString("IdpMetadataSource[" + TestIdp.ENTITY_ID + ", allowUnsignedMetadata]");
    }

    private IdpMetadataSource source() {
        return IdpMetadataSource.fromUrl(server.uri("/md"), TestIdp.ENTITY_ID).allowUnsignedMetadata()
                .timeout(Duration.ofSeconds(10)).clock(clock).build();
    }

    private static byte[] unsigned(String entityId, TestCredentials key) {
        return TestIdp.metadata(entityId, List.of(key.certificate()), null).getBytes(StandardCharsets.UTF_8);
    }

    private SamlProvider provider(IdpMetadataSource source) {
        TestCredentials sp = TestCredentials.rsa("sp");
        return SamlProvider.create(SamlSettings.builder(ProviderId.of("fas-saml"), SpFixture.SP_ENTITY_ID,
                URI.create(SpFixture.ACS), SpKeys.of(SpKey.of(sp.keyPair().getPrivate(), sp.certificate())), source)
                .clock(clock).build());
    }

    private boolean login(SamlProvider provider, TestCredentials idpKey) {
        try {
            PendingLogin pending = provider.startLogin(LoginRequest.builder().build()).pendingLogin();
            ResponseSpec spec = ResponseSpec.genuine(TestIdp.ENTITY_ID, SpFixture.SP_ENTITY_ID, SpFixture.ACS,
                    pending.requestId().orElseThrow(), clock.instant(), idpKey);
            provider.finishLogin(CallbackRequest.post(Map.of("SAMLResponse", TestIdp.response(spec, null),
                    "RelayState", pending.state())), pending);
            return true;
        } catch (FedAuthException e) {
            return false;
        }
    }
}
