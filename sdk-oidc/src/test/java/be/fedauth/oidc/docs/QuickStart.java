package be.fedauth.oidc.docs;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.AuthenticationProvider;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.EService;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.Language;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.PendingLogin;
import be.fedauth.oidc.ClientAuthentication;
import be.fedauth.oidc.OidcProvider;
import be.fedauth.oidc.OidcSettings;
import java.net.URI;
import java.util.Map;

/** The quick start of docs/oidc.md, compiled and run by QuickStartDocTest so that the page cannot rot. */
public final class QuickStart {
    private QuickStart() {
    }

    // --- docs/oidc.md: quick start
    /** Built once at start-up and shared: an OidcProvider is immutable and thread-safe. */
    public static OidcProvider fasIntegration(String clientId, String clientSecret, URI redirectUri) {
        return OidcProvider.create(OidcSettings.fasIntegration(clientId, redirectUri,
                        ClientAuthentication.clientSecretBasic(clientSecret))
                .build());
    }

    /** Call 1: send the browser to FAS, and keep the pending login (sealed cookie or PendingLoginStore). */
    public static LoginRedirect start(AuthenticationProvider fas) {
        return fas.startLogin(LoginRequest.builder()
                .eService(EService.NCTS)
                .minimumLevel(AssuranceLevel.LEVEL_400)
                .language(Language.NL)
                .build());
    }

    /** Call 2, on the redirect URI: FAS's query parameters and the pending login give the verified user. */
    public static AuthenticatedUser finish(AuthenticationProvider fas, Map<String, String> query,
                                           PendingLogin pending) {
        try {
            return fas.finishLogin(CallbackRequest.get(query), pending);
        } catch (FedAuthException e) {
            // Show e.guidance(language) to the user; log e.code(), never the query.
            throw e;
        }
    }
    // --- end
}
