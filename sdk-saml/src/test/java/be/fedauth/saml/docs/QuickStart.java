package be.fedauth.saml.docs;

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
import be.fedauth.core.ProviderId;
import be.fedauth.saml.IdpMetadataSource;
import be.fedauth.saml.SamlProvider;
import be.fedauth.saml.SamlSettings;
import be.fedauth.saml.SpKey;
import be.fedauth.saml.SpKeys;
import java.net.URI;
import java.util.Map;

/** The quick start of docs/saml.md, compiled and run by {@code QuickStartDocTest}. */
public final class QuickStart {
    private QuickStart() {
    }

    // --- docs/saml.md: quick start
    /** Built once at start-up and shared: a SamlProvider is immutable and thread-safe. */
    public static SamlProvider fas(IdpMetadataSource fasMetadata, String keyPem, String certificatePem) {
        SpKeys keys = SpKeys.of(SpKey.fromPem(keyPem, certificatePem));
        return SamlProvider.create(SamlSettings.builder(ProviderId.of("fas-saml"),
                        "https://customs.example.be/saml/sp",                 // our entity id, registered at FAS
                        URI.create("https://customs.example.be/callback/saml"), // our ACS (HTTP-POST)
                        keys, fasMetadata)
                .singleLogoutUrl(URI.create("https://customs.example.be/logout/saml"))
                .build());
    }

    /** Call 1: send the browser to FAS (HTTP 302, or an auto-posted form), keep the pending login. */
    public static LoginRedirect start(AuthenticationProvider fas) {
        return fas.startLogin(LoginRequest.builder()
                .eService(EService.NCTS)
                .minimumLevel(AssuranceLevel.LEVEL_400)
                .language(Language.NL)
                .build());
    }

    /** Call 2, on the ACS: the posted form and the pending login give the verified user. */
    public static AuthenticatedUser finish(AuthenticationProvider fas, Map<String, String> form, PendingLogin pending) {
        try {
            return fas.finishLogin(CallbackRequest.post(form), pending);
        } catch (FedAuthException e) {
            // Show e.guidance(language) to the user; log e.code(), never the form.
            throw e;
        }
    }
    // --- end
}
