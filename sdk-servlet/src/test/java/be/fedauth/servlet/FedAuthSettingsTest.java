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
        PROTOCOL_NAME_WITH_CAPITALS(b -> b.provider("OIDC2", new Fixture().oidc)),
        SAME_PROTOCOL_TWICE(b -> b.provider("oidc", new Fixture().saml)),
        PATH_NOT_LOCAL(b -> b.loginPath("https://evil.example/login")),
        PATH_WITH_DOT_SEGMENTS(b -> b.protect("/emcs/../ncts")),
        PATH_PROTECTED_TWICE(b -> b.protect("/emcs")),
        LOGIN_AND_LOGOUT_SAME(b -> b.logoutPath("/login")),
        LOGIN_PAGE_UNDER_PROTECTION(b -> b.loginPage("/account/login")),
        RELATIVE_POST_LOGOUT_URL(b -> b.postLogoutRedirect(URI.create("/bye"))),
        SHORT_AUDIT_PSEUDONYM_KEY(b -> b.auditSink(event -> { }, new byte[8])),
        PROVIDER_FOR_UNKNOWN_E_SERVICE(b -> b.provider(new EService("ICS2", "ICS2", "ics2@example.be", List.of(), false),
                "oidc", new Fixture().oidc)),
        MINIMUM_LEVEL_FOR_UNKNOWN_E_SERVICE(b -> b.minimumLevel(new EService("ICS2", "ICS2", "ics2@example.be", List.of(), false), AssuranceLevel.LEVEL_500)),
        MINIMUM_LEVEL_TWICE(b -> b.minimumLevel(EService.EMCS, AssuranceLevel.LEVEL_400)
                .minimumLevel(EService.EMCS, AssuranceLevel.LEVEL_500)),
        ALLOWED_PROVIDERS_FOR_UNKNOWN_E_SERVICE(b -> b.allowedProviders(new EService("ICS2", "ICS2", "ics2@example.be", List.of(), false), ProviderId.of("fas"))),
        ALLOWED_PROVIDERS_TWICE(b -> b.allowedProviders(EService.EMCS, ProviderId.of("fas"))
                .allowedProviders(EService.EMCS, ProviderId.of("other")));

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
        assertThat(settings.eServices()).containsExactly(EService.EMCS, EService.NCTS, EService.PLDA);
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
    void toString_namesTheKeyIdButNeverTheKey() {
        assertThat(fixture.settings().build().toString()).contains("k1").doesNotContain("SecretKeySpec");
    }
}
