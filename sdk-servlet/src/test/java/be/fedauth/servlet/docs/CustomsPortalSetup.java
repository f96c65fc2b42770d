package be.fedauth.servlet.docs;

import be.fedauth.core.AuthenticationProvider;
import be.fedauth.core.EService;
import be.fedauth.core.Enterprise;
import be.fedauth.core.SealingKey;
import be.fedauth.servlet.FedAuthFilter;
import be.fedauth.servlet.FedAuthSettings;
import jakarta.servlet.ServletContext;
import java.util.Optional;
import java.util.function.Function;

/** The example of docs/servlet.md, compiled and run by the tests so that the page cannot rot. */
public final class CustomsPortalSetup {
    private CustomsPortalSetup() {
    }

    // BEGIN servlet.md
    /** Called from a ServletContextListener's contextInitialized (or a ServletContainerInitializer). */
    public static void protect(ServletContext context, AuthenticationProvider fas, String sealingKeyBase64,
                               Function<String, Optional<Enterprise>> enterprises) {
        FedAuthSettings settings = FedAuthSettings.builder()
                .provider("oidc", fas)                                   // GET /login?protocol=oidc
                .sealedPendingLogins(SealingKey.fromBase64("2026-11", sealingKeyBase64))
                .protect("/emcs", EService.EMCS)                         // logged in + access to EMCS
                .protect("/plda", EService.PLDA)
                .protect("/account")                                     // logged in only
                .enterpriseResolver((request, user, eService) ->
                        enterprises.apply(String.valueOf(request.getSession().getAttribute("enterprise"))))
                .build();
        new FedAuthFilter(settings).register(context);
    }
    // END servlet.md
}
