package be.fedauth.testkit;

import be.fedauth.core.DigitalKey;
import be.fedauth.core.ConfigurationException;
import java.net.URI;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonasTest {

    @Test
    void defaults_loadFromTheJar_withTheDemoClientAndTheCitizen() {
        Personas personas = Personas.defaults();

        assertThat(personas.oidcClient("fedauth-demo")).get()
                .satisfies(c -> assertThat(c.secret()).contains("fedauth-demo-secret"));
        assertThat(personas.person("citizen")).get()
                .satisfies(p -> assertThat(p.keys()).containsExactlyInAnyOrder(DigitalKey.EID, DigitalKey.ITSME));
        assertThat(personas.samlServiceProvider("http://127.0.0.1:8080/saml/sp")).get()
                .satisfies(sp -> assertThat(sp.encryptionCertificate()).isPresent());
    }

    @Test
    void defaults_registerTheDemoApplication_withItsShippedCertificate() {
        Personas personas = Personas.defaults();

        assertThat(personas.oidcClient(DemoApplication.OIDC_CLIENT_ID).orElseThrow().redirectUris())
                .contains(DemoApplication.OIDC_REDIRECT_URI);
        SamlServiceProvider sp = personas.samlServiceProvider(DemoApplication.SAML_ENTITY_ID).orElseThrow();
        assertThat(sp.acsUrls()).containsExactly(DemoApplication.SAML_ACS_URL);
        assertThat(sp.signingCertificate()).contains(DemoApplication.samlCertificate());
        assertThat(DemoApplication.samlPrivateKey().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void defaults_registerTheDemoApplication_withItsSingleLogoutUrl() {
        SamlServiceProvider sp = Personas.defaults().samlServiceProvider(DemoApplication.SAML_ENTITY_ID).orElseThrow();

        assertThat(sp.singleLogoutUrl()).contains(DemoApplication.SAML_SINGLE_LOGOUT_URL);
    }

    @Test
    void parse_spWithSingleLogoutUrl_registersIt() {
        Personas personas = Personas.parse(spFile(", \"singleLogoutUrl\": \"https://sp.example/logout/saml\""), "sp.json");

        assertThat(personas.samlServiceProvider("https://sp.example/sp").orElseThrow().singleLogoutUrl())
                .contains(URI.create("https://sp.example/logout/saml"));
    }

    @Test
    void parse_spWithoutSingleLogoutUrl_registersNone() {
        Personas personas = Personas.parse(spFile(""), "sp.json");

        assertThat(personas.samlServiceProvider("https://sp.example/sp").orElseThrow().singleLogoutUrl()).isEmpty();
    }

    @Test
    void withSingleLogoutUrl_relativeUrl_isRefused() {
        SamlServiceProvider sp = Personas.parse(spFile(""), "sp.json").samlServiceProvider("https://sp.example/sp").orElseThrow();

        assertThatThrownBy(() -> sp.withSingleLogoutUrl(URI.create("/logout/saml")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String spFile(String extraField) {
        return "{ \"samlServiceProviders\": [ { \"entityId\": \"https://sp.example/sp\", "
                + "\"acsUrls\": [\"https://sp.example/acs\"]" + extraField + " } ] }";
    }

    @Test
    void parse_badNationalNumber_failsNamingTheFieldAndLine() {
        String json = """
                {
                  "people": [
                    {
                      "id": "x",
                      "nationalNumber": "85.07.30-033.29",
                      "givenName": "A", "familyName": "B", "language": "fr",
                      "fedid": "2e1a61333845009fd480471bf9e7993938a0a0c4", "keys": ["EID"]
                    }
                  ]
                }
                """;

        assertThatThrownBy(() -> Personas.parse(json, "my.json"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("my.json, line 5: people[0].nationalNumber")
                .hasMessageNotContaining("85.07.30");
    }
}
