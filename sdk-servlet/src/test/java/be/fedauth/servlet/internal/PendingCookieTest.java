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
}
