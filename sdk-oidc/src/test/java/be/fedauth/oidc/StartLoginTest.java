package be.fedauth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.Language;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.ProviderId;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The authorization request, built without any network call (FAS preset: endpoints known). */
class StartLoginTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final OidcProvider provider = OidcProvider.create(OidcSettings.fasIntegration("customs-app",
            URI.create("https://customs.example/callback/oidc"), ClientAuthentication.clientSecretBasic("secret"))
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build());

    @Test
    void startLogin_sendsCodeFlowWithPkceS256StateAndNonce() throws Exception {
        LoginRedirect r = provider.startLogin(LoginRequest.builder().build());
        Map<String, String> q = query(r.redirect().location());

        assertThat(r.redirect().location().toString()).startsWith("https://idp.iamfas.int.belgium.be/fas/oauth2/authorize?");
        assertThat(q).containsEntry("response_type", "code").containsEntry("client_id", "customs-app")
                .containsEntry("redirect_uri", "https://customs.example/callback/oidc")
                .containsEntry("scope", "openid profile egovnrn roles").containsEntry("code_challenge_method", "S256")
                .containsEntry("state", r.pendingLogin().state()).containsEntry("nonce", r.pendingLogin().nonce().orElseThrow());
        String verifier = r.pendingLogin().codeVerifier().orElseThrow();
        String s256 = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        assertThat(q).containsEntry("code_challenge", s256);
        assertThat(verifier).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void startLogin_twice_usesFreshStateNonceAndVerifier() {
        LoginRedirect a = provider.startLogin(LoginRequest.builder().build());
        LoginRedirect b = provider.startLogin(LoginRequest.builder().build());

        assertThat(a.pendingLogin().state()).isNotEqualTo(b.pendingLogin().state());
        assertThat(a.pendingLogin().nonce()).isNotEqualTo(b.pendingLogin().nonce());
        assertThat(a.pendingLogin().codeVerifier()).isNotEqualTo(b.pendingLogin().codeVerifier());
    }

    @Test
    void startLogin_withMinimumLevel_sendsTheFasLevelAsAcrValues() {
        LoginRedirect r = provider.startLogin(LoginRequest.builder().minimumLevel(AssuranceLevel.LEVEL_400).build());

        assertThat(query(r.redirect().location())).containsEntry("acr_values", "urn:be:fedict:iam:fas:Level400");
        assertThat(r.pendingLogin().minimumLevel()).contains(AssuranceLevel.LEVEL_400);
    }

    @Test
    void startLogin_withKeyEid_sendsLevel500() {
        LoginRedirect r = provider.startLogin(LoginRequest.builder().key(DigitalKey.EID).build());

        assertThat(query(r.redirect().location())).containsEntry("acr_values", "urn:be:fedict:iam:fas:Level500");
    }

    @Test
    void startLogin_withoutLevelOrKeys_sendsNoAcrValues() {
        LoginRedirect r = provider.startLogin(LoginRequest.builder().build());

        assertThat(query(r.redirect().location())).doesNotContainKey("acr_values");
    }

    @Test
    void startLogin_inDutch_sendsUiLocalesNl() {
        LoginRedirect r = provider.startLogin(LoginRequest.builder().language(Language.NL).build());

        assertThat(query(r.redirect().location())).containsEntry("ui_locales", "nl");
    }

    @Test
    void startLogin_pendingLoginExpiresAfterTenMinutes() {
        LoginRedirect r = provider.startLogin(LoginRequest.builder().build());

        assertThat(r.pendingLogin().provider()).isEqualTo(ProviderId.of("fas-oidc"));
        assertThat(r.pendingLogin().expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void startLogin_withTheRetiredToken_failsWithKeyRetired() {
        LoginRequest request = LoginRequest.builder().key(DigitalKey.PASSWORD_TOKEN).build();

        assertThatThrownBy(() -> provider.startLogin(request)).isInstanceOf(AuthenticationException.class)
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.KEY_RETIRED);
    }

    @Test
    void startLogin_forAnotherProvider_failsWithProviderNotOffered() {
        LoginRequest request = LoginRequest.builder().provider(ProviderId.of("social-security")).build();

        assertThatThrownBy(() -> provider.startLogin(request))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.PROVIDER_NOT_OFFERED);
    }

    @Test
    void keys_afterTheTokenRetirement_doNotOfferTheToken() {
        assertThat(provider.keys()).contains(DigitalKey.EID, DigitalKey.ITSME).doesNotContain(DigitalKey.PASSWORD_TOKEN);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
