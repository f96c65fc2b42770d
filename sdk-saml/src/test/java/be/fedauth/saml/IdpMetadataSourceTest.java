package be.fedauth.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.ConfigurationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.ProviderId;
import be.fedauth.saml.support.ResponseSpec;
import be.fedauth.core.SettableClock;
import be.fedauth.saml.support.SpFixture;
import be.fedauth.saml.support.TestCredentials;
import be.fedauth.saml.support.TestIdp;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdpMetadataSourceTest {
    private static final TestCredentials KEY_A = TestCredentials.rsa("idp");
    private static final TestCredentials KEY_B = TestCredentials.rsa("idp-next");
    private static final TestCredentials SIGNER = TestCredentials.rsa("idp-metadata");

    @TempDir
    Path dir;
    private final SettableClock clock = SettableClock.fixed(SpFixture.NOW);

    @Test
    void refresh_whenDue_picksUpTheIdpsNewSigningKey() throws IOException {
        Path file = write(List.of(KEY_A));
        SamlProvider provider = provider(file);
        assertThat(login(provider, KEY_A)).isTrue();

        write(List.of(KEY_B));
        clock.advance(Duration.ofHours(6));

        assertThat(login(provider, KEY_B)).isTrue();
    }

    @Test
    void refresh_notYetDue_keepsTheLoadedKeys() throws IOException {
        Path file = write(List.of(KEY_A));
        SamlProvider provider = provider(file);
        login(provider, KEY_A);

        write(List.of(KEY_B));
        clock.advance(Duration.ofHours(5));

        assertThat(login(provider, KEY_A)).isTrue();
    }

    @Test
    void refresh_failing_keepsTheLastGoodCopy() throws IOException {
        Path file = write(List.of(KEY_A));
        IdpMetadataSource source = source(file);
        SamlProvider provider = provider(source);
        login(provider, KEY_A);

        Files.writeString(file, "<garbage");
        clock.advance(Duration.ofHours(7));

        assertThat(source.refreshNow()).isFalse();
        assertThat(login(provider, KEY_A)).isTrue();
    }

    @Test
    void load_failedFirstFetch_isRetriedOnlyAfterTheRetryInterval() throws IOException {
        Path file = dir.resolve("md.xml");
        SamlProvider provider = provider(file);
        assertThat(login(provider, KEY_A)).isFalse();

        write(List.of(KEY_A));
        assertThat(login(provider, KEY_A)).isFalse();
        clock.advance(Duration.ofMinutes(5));

        assertThat(login(provider, KEY_A)).isTrue();
    }

    @Test
    void load_metadataSignedByAnotherKey_failsWithIdpUnavailable() throws IOException {
        Path file = dir.resolve("md.xml");
        Files.writeString(file, TestIdp.metadata(TestIdp.ENTITY_ID, List.of(KEY_A.certificate()), TestCredentials.rsa("attacker")));

        assertThatThrownBy(() -> provider(file).startLogin(LoginRequest.builder().build()))
                .isInstanceOfSatisfying(IdpUnavailableException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IDP_UNAVAILABLE));
    }

    @Test
    void fromUrl_withCredentialsInTheUrl_isRefused_becauseTheUrlIsLogged() {
        assertThatThrownBy(() -> IdpMetadataSource.fromUrl(java.net.URI.create(
                "https://user:secret@idp.example/metadata"), "https://idp.example"))
                .isInstanceOf(be.fedauth.core.ConfigurationException.class)
                .hasMessageNotContaining("secret");
    }

    @Test
    void point5_unsignedMetadataWhenASignerIsConfigured_failsWithInvalidConfiguration() throws IOException {
        Path file = dir.resolve("md.xml");
        Files.writeString(file, TestIdp.metadata(TestIdp.ENTITY_ID, List.of(KEY_A.certificate()), null));

        // Retrying never helps: a configuration error, not "temporarily unavailable".
        assertThatThrownBy(() -> provider(file).startLogin(LoginRequest.builder().build()))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION));
    }

    @Test
    void load_unsignedMetadataWhenExplicitlyAllowed_isUsed() throws IOException {
        Path file = dir.resolve("md.xml");
        Files.writeString(file, TestIdp.metadata(TestIdp.ENTITY_ID, List.of(KEY_A.certificate()), null));
        IdpMetadataSource source = IdpMetadataSource.fromFile(file, TestIdp.ENTITY_ID).allowUnsignedMetadata()
                .clock(clock).build();

        assertThat(login(provider(source), KEY_A)).isTrue();
    }

    @Test
    void load_onlyAWeakSigningKey_failsWithIdpUnavailable() throws IOException {
        Path file = write(List.of(TestCredentials.rsa("idp-weak", 1024)));

        assertThatThrownBy(() -> provider(file).startLogin(LoginRequest.builder().build()))
                .isInstanceOf(IdpUnavailableException.class);
    }

    @Test
    void load_metadataOfAnotherEntity_failsWithIdpUnavailable() throws IOException {
        Path file = dir.resolve("md.xml");
        Files.writeString(file, TestIdp.metadata("https://other.example/idp", List.of(KEY_A.certificate()), SIGNER));

        assertThatThrownBy(() -> provider(file).startLogin(LoginRequest.builder().build()))
                .isInstanceOf(IdpUnavailableException.class);
    }

    @Test
    void load_groupExpiredAroundAnUndatedEntity_failsWithIdpUnavailable() throws IOException {
        Path file = dir.resolve("md.xml");
        Files.writeString(file, TestIdp.metadata(TestIdp.ENTITY_ID, List.of(KEY_A.certificate()), SIGNER, null, true,
                clock.instant().minusSeconds(1), null));

        assertThatThrownBy(() -> provider(file).startLogin(LoginRequest.builder().build()))
                .isInstanceOfSatisfying(IdpUnavailableException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IDP_UNAVAILABLE));
    }

    @Test
    void lastGoodCopy_groupValidUntilPassedWhileRefreshFails_isNoLongerUsed() throws IOException {
        Path file = dir.resolve("md.xml");
        Files.writeString(file, TestIdp.metadata(TestIdp.ENTITY_ID, List.of(KEY_A.certificate()), SIGNER,
                clock.instant().plus(Duration.ofDays(30)), true, clock.instant().plus(Duration.ofHours(8)), null));
        SamlProvider provider = provider(file);
        assertThat(login(provider, KEY_A)).isTrue();

        Files.writeString(file, "<garbage");
        clock.advance(Duration.ofHours(8));

        assertThat(login(provider, KEY_A)).isFalse();
    }

    @Test
    void refresh_groupCacheDurationShorterThanTheInterval_refreshesSooner() throws IOException {
        Path file = dir.resolve("md.xml");
        Files.writeString(file, TestIdp.metadata(TestIdp.ENTITY_ID, List.of(KEY_A.certificate()), SIGNER, null, true,
                null, Duration.ofHours(1)));
        SamlProvider provider = provider(file);
        assertThat(login(provider, KEY_A)).isTrue();

        Files.writeString(file, TestIdp.metadata(TestIdp.ENTITY_ID, List.of(KEY_B.certificate()), SIGNER, null, true,
                null, Duration.ofHours(1)));
        clock.advance(Duration.ofHours(1));

        assertThat(login(provider, KEY_B)).isTrue();
    }

    @Test
    void refresh_olderSignedCopyServedAgain_isRefusedAndTheNewerKeptInUse() throws IOException {
        Path file = dir.resolve("md.xml");
        String older = TestIdp.metadata(TestIdp.ENTITY_ID, List.of(KEY_A.certificate()), SIGNER,
                clock.instant().plus(Duration.ofDays(10)), false, null, null);
        Files.writeString(file, TestIdp.metadata(TestIdp.ENTITY_ID, List.of(KEY_B.certificate()), SIGNER,
                clock.instant().plus(Duration.ofDays(20)), false, null, null));
        IdpMetadataSource source = source(file);
        SamlProvider provider = provider(source);
        assertThat(login(provider, KEY_B)).isTrue();

        Files.writeString(file, older);
        clock.advance(Duration.ofHours(6));

        assertThat(source.refreshNow()).isFalse();
        assertThat(login(provider, KEY_A)).isFalse();
        assertThat(login(provider, KEY_B)).isTrue();
    }

    @Test
    void lastGoodCopy_withoutValidUntil_isNoLongerUsedSevenDaysAfterItsLastLoad() throws IOException {
        Path file = write(List.of(KEY_A));
        SamlProvider provider = provider(file);
        assertThat(login(provider, KEY_A)).isTrue();

        Files.writeString(file, "<garbage");
        clock.advance(Duration.ofDays(7).minusMinutes(1));
        assertThat(login(provider, KEY_A)).isTrue();
        clock.advance(Duration.ofMinutes(1));

        assertThat(login(provider, KEY_A)).isFalse();
    }

    @Test
    void build_withoutSignerOrOptOut_failsWithInvalidConfiguration() {
        assertThatThrownBy(() -> IdpMetadataSource.fromFile(dir.resolve("x"), TestIdp.ENTITY_ID).build())
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION));
    }

    @Test
    void build_plainHttpToARemoteHost_failsWithInvalidConfiguration() {
        assertThatThrownBy(() -> IdpMetadataSource.fromUrl(URI.create("http://idp.example.org/md"), TestIdp.ENTITY_ID)
                .signedBy(SIGNER.certificate()).build()).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void fasEnvironment_presets_pointAtTheDocumentedHosts() {
        assertThat(FasEnvironment.PRODUCTION.entityId()).isEqualTo("https://idp.iamfas.belgium.be/fas");
        assertThat(FasEnvironment.INTEGRATION.metadataUrl())
                .hasToString("https://iamapps-public.int.belgium.be/saml/fas-metadata.xml");
    }

    private Path write(List<TestCredentials> keys) throws IOException {
        Path file = dir.resolve("md.xml");
        Files.writeString(file, TestIdp.metadata(TestIdp.ENTITY_ID, keys.stream().map(TestCredentials::certificate).toList(),
                SIGNER));
        return file;
    }

    private IdpMetadataSource source(Path file) {
        return IdpMetadataSource.fromFile(file, TestIdp.ENTITY_ID).signedBy(SIGNER.certificate()).clock(clock).build();
    }

    private SamlProvider provider(Path file) {
        return provider(source(file));
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
            provider.finishLogin(be.fedauth.core.CallbackRequest.post(Map.of("SAMLResponse", TestIdp.response(spec, null),
                    "RelayState", pending.state())), pending);
            return true;
        } catch (FedAuthException e) {
            return false;
        }
    }
}
