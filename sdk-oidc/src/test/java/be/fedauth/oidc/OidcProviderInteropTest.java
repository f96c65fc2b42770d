package be.fedauth.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.HttpRedirect;
import be.fedauth.core.Language;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.LogoutRequest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interop with an OpenID provider nobody here wrote: panva's oidc-provider (OpenID Certified), from
 * the npm registry, installed by scripts/setup.d/30-oidc-provider.sh into src/test/node and started
 * on a random loopback port ({@link OidcProviderProcess}). Fails (never skips) when node or the package is missing.
 */
class OidcProviderInteropTest {
    private static final URI REDIRECT = OidcProviderProcess.REDIRECT;
    private OidcProviderProcess node;

    @AfterEach
    void stop() throws InterruptedException {
        if (node != null) {
            node.close();
        }
    }

    @ParameterizedTest(name = "{0} ID tokens")
    @ValueSource(strings = {"RS256", "ES256"})
    void login_withCodeFlowAndPkce_againstOidcProvider_succeedsAndRefreshes(String alg) throws Exception {
        node = OidcProviderProcess.start(alg);
        URI issuer = node.issuer();
        OidcProvider provider = OidcProvider.create(OidcSettings.builder(issuer, "fedauth-interop", REDIRECT,
                        ClientAuthentication.clientSecretBasic("fedauth-interop-secret-0123456789abcdef"))
                .allowHttpForLoopback().scopes(List.of("openid", "profile", "egovnrn", "offline_access")).build());

        LoginRedirect redirect = provider.startLogin(LoginRequest.builder().minimumLevel(AssuranceLevel.LEVEL_450)
                .language(Language.NL).build());
        CallbackRequest callback = OidcProviderProcess.browse(redirect.redirect().location());
        AuthenticatedUser user = provider.finishLogin(callback, redirect.pendingLogin());

        assertThat(callback.single("iss")).contains(issuer.toString());
        assertThat(user.identity().givenName()).isEqualTo("Alice");
        assertThat(user.identity().familyName()).isEqualTo("Peeters");
        assertThat(user.identity().nationalNumber()).isPresent();
        assertThat(user.level()).isEqualTo(AssuranceLevel.LEVEL_500);
        assertThat(user.key()).isEqualTo(DigitalKey.EID);
        AuthenticatedUser refreshed = provider.refresh(user);
        assertThat(refreshed.session().value("sub")).isEqualTo(user.session().value("sub"));
        HttpRedirect logout = provider.startLogout(LogoutRequest.of(user, URI.create("http://127.0.0.1:8080/logged-out")));
        assertThat(logout.location().toString()).startsWith(issuer + "/session/end?id_token_hint=");
    }
}
