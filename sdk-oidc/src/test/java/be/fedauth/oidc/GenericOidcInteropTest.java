package be.fedauth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.AuthenticationException;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.Language;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.ProviderId;
import be.fedauth.core.spi.IdentityNames;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 point 1: the generic OIDC profile against panva's oidc-provider speaking the OpenID Connect
 * standard claims ({@code given_name}, {@code family_name}, {@code email}, {@code locale}) and an
 * {@code acr} of its own, which the operator maps to a level. Fails (never skips) without node.
 */
class GenericOidcInteropTest {
    private static final String GOLD = "urn:example:loa:gold";
    private static final String SECRET = "fedauth-interop-secret-0123456789abcdef";
    private OidcProviderProcess node;

    @AfterEach
    void stop() throws InterruptedException {
        if (node != null) {
            node.close();
        }
    }

    /** The generic profile with the operator's mapping of the provider's acr. */
    private OidcProvider generic(UnaryOperator<OidcSettings.Builder> customise) {
        return OidcProvider.create(customise.apply(OidcSettings.generic(node.issuer(), "fedauth-interop",
                        OidcProviderProcess.REDIRECT, ClientAuthentication.clientSecretBasic(SECRET))
                .allowHttpForLoopback().vocabulary(GenericLevels.builder().mapping(GOLD + "=400").build())).build());
    }

    private static AuthenticatedUser login(OidcProvider provider) throws Exception {
        LoginRedirect redirect = provider.startLogin(LoginRequest.builder().minimumLevel(AssuranceLevel.LEVEL_300)
                .language(Language.FR).build());
        assertThat(redirect.redirect().location().getQuery()).contains("acr_values=" + GOLD);
        CallbackRequest callback = OidcProviderProcess.browse(redirect.redirect().location());
        return provider.finishLogin(callback, redirect.pendingLogin());
    }

    private static ErrorCode refusal(OidcProvider provider) {
        return org.junit.jupiter.api.Assertions.assertThrows(AuthenticationException.class, () -> login(provider)).code();
    }

    /** The standard names plus the provider's national-number claim "nrn", required, and its scope. */
    private static OidcSettings.Builder nationalNumberRequired(OidcSettings.Builder b, boolean requestScope) {
        return b.claimNames(OidcClaimNames.STANDARD.overriddenBy(IdentityNames.parse("national-number=nrn")))
                .requireNationalNumber()
                .scopes(requestScope ? List.of("openid", "profile", "email", "nrn") : List.of("openid", "profile", "email"));
    }

    @Test
    void point1_genericProfile_standardClaimsAndAMappedAcr_logInWithIdentityAndLevel() throws Exception {
        node = OidcProviderProcess.start("RS256", "standard", GOLD);

        AuthenticatedUser user = login(generic(b -> b));

        assertThat(user.identity().givenName()).isEqualTo("Jan");
        assertThat(user.identity().familyName()).isEqualTo("Jansen");
        assertThat(user.identity().email()).contains("jan.jansen@example.be");
        assertThat(user.identity().language()).isEqualTo(Language.NL);
        assertThat(user.identity().nationalNumber()).isEmpty(); // no claim is named for it by default
        assertThat(user.level()).isEqualTo(AssuranceLevel.LEVEL_400);
        assertThat(user.key()).isEqualTo(DigitalKey.UNNAMED);
        assertThat(user.provider()).isEqualTo(ProviderId.of("oidc"));
    }

    @Test
    void point1_genericProfile_anAcrTheOperatorDidNotMap_isRefusedWithUnknownLevel_andLoggedForTheOperator()
            throws Exception {
        node = OidcProviderProcess.start("RS256", "standard", "urn:example:loa:platinum");
        OidcProvider provider = generic(b -> b);

        try (LogCapture log = new LogCapture()) {
            assertThat(refusal(provider)).isEqualTo(ErrorCode.UNKNOWN_LEVEL);
            assertThat(log.text()).contains("urn:example:loa:platinum");
        }
    }

    @Test
    void point1_genericProfile_nationalNumberRequired_isReadFromTheIdTokenUnderTheOperatorsName() throws Exception {
        node = OidcProviderProcess.start("RS256", "standard", GOLD);

        AuthenticatedUser user = login(generic(b -> nationalNumberRequired(b, true)));

        assertThat(user.identity().nationalNumber()).map(n -> n.digits()).contains("85073003328");
    }

    @Test
    void point1_genericProfile_nationalNumberRequiredButAbsent_isRefusedWithMissingClaim() throws Exception {
        node = OidcProviderProcess.start("RS256", "standard", GOLD);

        assertThat(refusal(generic(b -> nationalNumberRequired(b, false)))).isEqualTo(ErrorCode.MISSING_CLAIM);
    }

    @Test
    void point1_genericProfile_unsignedUserinfo_givesTheProfileButNeverTheNationalNumber() throws Exception {
        node = OidcProviderProcess.start("RS256", "standard-userinfo", GOLD);

        AuthenticatedUser user = login(generic(b -> b.claimNames(OidcClaimNames.STANDARD.overriddenBy(
                IdentityNames.parse("national-number=nrn"))).scopes(List.of("openid", "profile", "email", "nrn"))));

        assertThat(user.identity().givenName()).isEqualTo("Jan"); // names from plain userinfo JSON
        assertThat(user.identity().nationalNumber()).isEmpty(); // "nrn" was only there
        assertThat(refusal(generic(b -> nationalNumberRequired(b, true)))).isEqualTo(ErrorCode.MISSING_CLAIM);
    }
}
