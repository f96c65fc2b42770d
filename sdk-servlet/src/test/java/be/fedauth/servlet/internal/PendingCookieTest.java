package be.fedauth.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PendingCookieTest {

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            " | /callback/oidc,/callback/saml | /callback",
            "/portal | /callback/oidc,/callback/saml | /portal/callback",
            " | /callback/oidc | /callback/oidc",
            " | /oidc/cb,/saml/acs | /",
            "/portal | /oidc/cb,/saml/acs | /portal",
            " | /a/b/c,/a/b/d,/a/e | /a",
            " | /callbackx/oidc,/callback/saml | /"
    })
    void pathFor_isTheDeepestCommonDirectoryOfTheCallbacks(String context, String callbacks, String expected) {
        assertThat(PendingCookie.pathFor(context == null ? "" : context, List.of(callbacks.split(","))))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            " | __Host-fedauth_pending",
            "/portal | __Host-fedauth_pending_portal",
            "/customs/emcs-v2 | __Host-fedauth_pending_customs_emcs_v2"
    })
    void point10_hostName_isPrefixedAndOnePerContextPath(String context, String expected) {
        assertThat(PendingCookie.hostName(context == null ? "" : context)).isEqualTo(expected);
        assertThat(new jakarta.servlet.http.Cookie(expected, "v").getName()).isEqualTo(expected);
    }
}
