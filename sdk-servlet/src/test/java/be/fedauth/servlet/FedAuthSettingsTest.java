package be.fedauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.ConfigurationException;
import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.EService;
import be.fedauth.core.ProviderId;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.SealingKey;
import be.fedauth.core.spi.PendingLoginStore;
import be.fedauth.core.spi.RandomValues;
import java.net.URI;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FedAuthSettingsTest {
    private final Fixture fixture = new Fixture();

    enum Mistake {
        NO_PROVIDER(b -> FedAuthSettings.builder().sealedPendingLogins(SealingKey.generate("k"))),
        NO_PENDING_LOGIN_KEEPER(b -> FedAuthSettings.builder().provider("oidc", new Fixture().oidc)),
        BOTH_PENDING_LOGIN_KEEPERS(b -> b.pendingLoginStore(PendingLoginStore.inMemory(java.time.Clock.systemUTC(),
                RandomValues.secure(), 10))),
        E_SERVICE_PATH_WITHOUT_RESOLVER(b -> FedAuthSettings.builder().provider("oidc", new Fixture().oidc)
                .sealedPendingLogins(SealingKey.generate("k")).protect("/emcs", EService.EMCS)),
        PROTOCOL_NAME_WITH_CAPITALS(b -> b.provider("OIDC2", b.providers.get("oidc"))),
        SAME_PROTOCOL_TWICE(b -> b.provider("oidc", b.providers.get("saml"))),
        PATH_NOT_LOCAL(b -> b.loginPath("https://evil.example/login")),
        PATH_WITH_DOT_SEGMENTS(b -> b.protect("/emcs/../ncts")),
        PATH_PROTECTED_TWICE(b -> b.protect("/emcs")),
        LOGIN_AND_LOGOUT_SAME(b -> b.logoutPath("/login")),
        METADATA_AT_THE_LOGOUT_PATH(b -> b.metadataPath("/logout")),
        SINGLE_LOGOUT_AT_A_CALLBACK_PATH(b -> b.singleLogoutPath("/callback/saml")),
        SINGLE_LOGOUT_PATH_NOT_LOCAL(b -> b.singleLogoutPath("https://evil.example/slo")),
        LOGIN_PAGE_UNDER_PROTECTION(b -> b.loginPage("/account/login")),
        RELATIVE_POST_LOGOUT_URL(b -> b.postLogoutRedirect(URI.create("/bye"))),
        SHORT_AUDIT_PSEUDONYM_KEY(b -> b.auditSink(event -> { }, new byte[8])),
        PROVIDER_FOR_UNKNOWN_E_SERVICE(b -> b.provider(new EService("ICS2", "ICS2", "ics2@example.be", List.of(), false),
                "oidc", b.providers.get("oidc"))),
        MINIMUM_LEVEL_FOR_UNKNOWN_E_SERVICE(b -> b.minimumLevel(new EService("ICS2", "ICS2", "ics2@example.be", List.of(), false), AssuranceLevel.LEVEL_500)),
        MINIMUM_LEVEL_TWICE(b -> b.minimumLevel(EService.EMCS, AssuranceLevel.LEVEL_400)
                .minimumLevel(EService.EMCS, AssuranceLevel.LEVEL_500)),
        ALLOWED_PROVIDERS_FOR_UNKNOWN_E_SERVICE(b -> b.allowedProviders(new EService("ICS2", "ICS2", "ics2@example.be", List.of(), false), ProviderId.of("fas"))),
        ALLOWED_PROVIDERS_TWICE(b -> b.allowedProviders(EService.EMCS, ProviderId.of("fas"))
                .allowedProviders(EService.EMCS, ProviderId.of("other"))),
        IDLE_TIMEOUT_UNDER_A_MINUTE(b -> b.sessionIdleTimeout(java.time.Duration.ofSeconds(59))),
        MAX_LIFETIME_SHORTER_THAN_IDLE(b -> b.sessionIdleTimeout(java.time.Duration.ofHours(2))
                .sessionMaxLifetime(java.time.Duration.ofHours(1))),
        MAX_LIFETIME_OVER_A_WEEK(b -> b.sessionMaxLifetime(java.time.Duration.ofDays(8))),
        PLAIN_HTTP_PUBLIC_URL_TO_A_PUBLIC_HOST(b -> b.publicUrl(URI.create("http://portal.example.be"))),
        PLAIN_HTTP_PUBLIC_URL_TO_A_HOST_NAME_OF_HEX_LETTERS(b -> b.publicUrl(URI.create("http://cafe"))),
        PUBLIC_URL_WITH_A_QUERY(b -> b.publicUrl(URI.create("https://portal.example.be/?x=1"))),
        PUBLIC_URL_RELATIVE(b -> b.publicUrl(URI.create("/portal"))),
        PUBLIC_URL_NOT_HTTP(b -> b.publicUrl(URI.create("ftp://portal.example.be")));

        final UnaryOperator<FedAuthSettingsBuilder> change;

        Mistake(UnaryOperator<FedAuthSettingsBuilder> change) {
            this.change = change;
        }
    }

    @ParameterizedTest
    @EnumSource(Mistake.class)
    void build_mistake_failsWithInvalidConfiguration(Mistake mistake) {
        FedAuthSettingsBuilder builder = mistake.change.apply(fixture.settings());

        assertThatThrownBy(builder::build).isInstanceOf(ConfigurationException.class)
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
    }

    @Test
    void build_defaults_areTheDocumentedEndpoints() {
        FedAuthSettings settings = fixture.settings().build();

        assertThat(settings.loginPath()).isEqualTo("/login");
        assertThat(settings.callbackPaths()).containsExactly("/callback/oidc", "/callback/saml");
        assertThat(settings.logoutPath()).isEqualTo("/logout");
        assertThat(settings.metadataPath()).isEqualTo("/saml/metadata");
        assertThat(settings.singleLogoutPath()).isEqualTo("/saml/slo");
        assertThat(settings.eServices()).containsExactly(EService.EMCS, EService.NCTS, EService.PLDA, EService.IDMS, EService.AES);
    }

    @Test
    void build_defaults_requireLevel300ForEveryEServiceAndNameNoAllowedProviders() {
        FedAuthSettings settings = fixture.settings().minimumLevel(EService.PLDA, AssuranceLevel.LEVEL_450).build();

        assertThat(settings.minimumLevel()).isEqualTo(AssuranceLevel.LEVEL_300);
        assertThat(settings.minimumLevel(EService.EMCS)).isEqualTo(AssuranceLevel.LEVEL_300);
        assertThat(settings.minimumLevel(EService.PLDA)).isEqualTo(AssuranceLevel.LEVEL_450);
        assertThat(settings.allowedProviders(EService.EMCS)).isEmpty();
    }

    @Test
    void providers_forAnEServiceWithItsOwnProvider_putItsOwnFirst() {
        FedAuthSettings settings = fixture.settings().provider(EService.NCTS, "legacy", fixture.saml).build();

        assertThat(settings.providers(EService.NCTS)).containsOnlyKeys("legacy", "oidc", "saml");
        assertThat(settings.providers(EService.NCTS).keySet().iterator().next()).isEqualTo("legacy");
        assertThat(settings.providers(EService.EMCS)).containsOnlyKeys("oidc", "saml");
    }

    @Test
    void point10_twoProvidersWithTheSameId_areAConfigurationError() {
        FakeProvider second = new FakeProvider("fake-oidc", FakeProvider.Flavour.REDIRECT,
                java.util.EnumSet.of(be.fedauth.core.DigitalKey.EID), fixture.clock);

        assertThatThrownBy(() -> fixture.settings().provider("oidc2", second).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("fake-oidc");
        assertThatThrownBy(() -> fixture.settings().provider(EService.EMCS, "oidc", second).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("fake-oidc");
    }

    @Test
    void point10_oneProviderUnderSeveralNames_isFine() {
        FedAuthSettings settings = fixture.settings().provider("fas", fixture.oidc)
                .provider(EService.EMCS, "oidc", fixture.oidc).build();

        assertThat(settings.providers()).containsKeys("oidc", "fas");
    }

    @Test
    void point3_sessionLimits_defaultTo30MinutesIdleAnd8HoursAbsolute() {
        FedAuthSettings settings = fixture.settings().build();

        assertThat(settings.sessionIdleTimeout()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(settings.sessionMaxLifetime()).isEqualTo(java.time.Duration.ofHours(8));
        assertThat(settings.toString()).contains("sessionIdle=PT30M").contains("sessionMax=PT8H");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost", "http://[::1]:8080",
            "http://127.0.0.2/portal", "https://portal.example.be"})
    void point10_publicUrl_httpsOrPlainHttpToLoopback_isAccepted(String url) {
        assertThat(fixture.settings().publicUrl(URI.create(url)).build().publicUrl()).contains(URI.create(url));
    }

    @Test
    void point10_plainHttpPublicUrl_toAnyHost_isAllowedWithPlainHttpCookies() {
        FedAuthSettings settings = fixture.settings().publicUrl(URI.create("http://bench.internal:8080"))
                .allowPlainHttpCookies().build();

        assertThat(settings.publicUrl()).contains(URI.create("http://bench.internal:8080"));
    }

    @Test
    void toString_namesTheKeyIdButNeverTheKey() {
        assertThat(fixture.settings().build().toString()).contains("k1").doesNotContain("SecretKeySpec");
    }
}
