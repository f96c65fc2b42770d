package be.fedauth.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    @Test
    void defaults_startTheFakeOnPort8080() {
        DemoOptions o = DemoOptions.parse(new String[0], Map.of());

        assertThat(o.port()).isEqualTo(8080);
        assertThat(o.fakeIdp()).isTrue();
        assertThat(o.clock()).isEmpty();
        assertThat(o.nctsGraceEnd()).isEqualTo(LocalDate.of(2021, 1, 1));
    }

    @Test
    void environment_isReadAndTheCommandLineWins() {
        DemoOptions o = DemoOptions.parse(new String[] {"--port", "9090"},
                Map.of("FEDAUTH_DEMO_PORT", "7070", "FEDAUTH_DEMO_OIDC_ISSUER", "https://idp.example/fas/oauth2"));

        assertThat(o.port()).isEqualTo(9090);
        assertThat(o.oidcIssuer()).hasValueSatisfying(u -> assertThat(u.getHost()).isEqualTo("idp.example"));
    }

    @Test
    void clock_aDayMeansNineInTheMorningInBrussels() {
        DemoOptions o = DemoOptions.parse(new String[] {"--clock", "2020-06-15"}, Map.of());

        assertThat(o.clock()).contains(Instant.parse("2020-06-15T07:00:00Z"));
    }

    @Test
    void unknownOption_isRefused() {
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--pot", "1"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--pot");
    }

    @Test
    void badValue_isRefusedNamingTheOption() {
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--clock", "soon"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--clock");
    }

    @Test
    void usage_documentsTheHttpSurfaceAndEveryOptionWithItsVariable() {
        String usage = DemoOptions.usage();

        assertThat(usage).contains("/login?service=NCTS&protocol=oidc|saml&key=EID", "/callback/oidc", "/callback/saml",
                "/api/me", "/logout", "/logged-out", "/saml/metadata", "/saml/slo");
        DemoOptions.OPTIONS.forEach(o -> assertThat(usage).contains(o.flag(), o.env()));
    }
}
