package be.fedauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A return path can only lead back into the application: every other value is replaced by the default. */
class OpenRedirectTest {
    private final Fixture fixture = new Fixture();
    private Portal portal;
    private Browser browser;

    enum Evil {
        ABSOLUTE_URL("https://evil.example/phish"),
        PROTOCOL_RELATIVE("//evil.example/phish"),
        BACKSLASH_AFTER_SLASH("/\\evil.example"),
        BACKSLASHES("\\\\evil.example"),
        ENCODED_SLASHES("/%2F%2Fevil.example"),
        ENCODED_BACKSLASH("/%5Cevil.example"),
        TAB_INSIDE_SLASHES("/\t/evil.example"),
        NEW_LINE_HEADER_INJECTION("/ok\r\nSet-Cookie: owned=1"),
        LEADING_SPACE(" //evil.example"),
        JAVASCRIPT_SCHEME("javascript:alert(1)"),
        RELATIVE_HOST("evil.example"),
        NON_ASCII("/\u3002evil.example"),
        TOO_LONG("/" + "a".repeat(600)),
        LOGIN_LOOP("/login?service=NCTS"),
        LOGOUT_AT_ONCE("/logout"),
        CALLBACK("/callback/oidc?code=x&state=y");

        final String value;

        Evil(String value) {
            this.value = value;
        }
    }

    @BeforeEach
    void start() {
        portal = Portal.start(fixture.settings().afterLoginPath("/home").build());
        browser = new Browser(portal.base());
    }

    @AfterEach
    void stop() throws Exception {
        portal.close();
    }

    @ParameterizedTest
    @EnumSource(Evil.class)
    void callback_afterLoginWithForeignReturnPath_returnsToTheDefaultPath(Evil evil) {
        HttpResponse<String> callback = Fixture.loginOidc(browser, Persona.ALICE,
                "returnTo=" + URLEncoder.encode(evil.value, StandardCharsets.UTF_8));

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().allValues("Location")).containsExactly("/home");
        assertThat(callback.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("owned"));
    }

    @Test
    void callback_afterLoginWithLocalReturnPathAndQuery_returnsThere() {
        HttpResponse<String> callback = Fixture.loginOidc(browser, Persona.ALICE,
                "returnTo=" + URLEncoder.encode("/emcs/list?page=2&sort=date", StandardCharsets.UTF_8));

        assertThat(callback.headers().allValues("Location")).containsExactly("/emcs/list?page=2&sort=date");
    }
}
