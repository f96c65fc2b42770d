package be.fedauth.testkit;

import be.fedauth.core.ConfigurationException;
import be.fedauth.core.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad persona files fail with invalid_configuration and a message naming the field and the line. */
class PersonaFileTest {
    private static final String PERSON = """
            {
              "people": [
                {
                  "id": "p1",
                  "nationalNumber": "85.07.30-033.28",
                  "givenName": "A",
                  "familyName": "B",
                  "language": "fr",
                  "fedid": "2e1a61333845009fd480471bf9e7993938a0a0c4",
                  "keys": ["EID"]
                }
              ],
              "enterprises": [
                { "number": "0412.345.614", "name": "E" }
              ]%s
            }
            """;

    /** A change to the valid file above, and the field and line the error must name. */
    enum Bad {
        BAD_NATIONAL_NUMBER("\"85.07.30-033.28\"", "\"85.07.30-033.29\"", "", "line 5: people[0].nationalNumber"),
        NO_NATIONAL_NUMBER_FOR_A_BELGIAN("\"nationalNumber\": \"85.07.30-033.28\",", "", "", "line 3: people[0].nationalNumber"),
        MISSING_GIVEN_NAME("\"givenName\": \"A\",", "", "", "line 3: people[0].givenName"),
        BAD_FEDID("2e1a61333845009fd480471bf9e7993938a0a0c4", "XYZ", "", "line 9: people[0].fedid"),
        BAD_LANGUAGE("\"language\": \"fr\"", "\"language\": \"klingon\"", "", "line 8: people[0].language"),
        UNKNOWN_KEY("[\"EID\"]", "[\"EID\", \"RETINA\"]", "", "line 10: people[0].keys[1]"),
        UNKNOWN_FIELD("\"givenName\": \"A\",", "\"givenName\": \"A\", \"nickname\": \"X\",", "", "line 6: people[0].nickname"),
        WRONG_TYPE("\"keys\": [\"EID\"]", "\"keys\": [\"EID\"], \"foreigner\": \"perhaps\"", "", "line 10: people[0].foreigner"),
        BAD_ENTERPRISE_NUMBER("0412.345.614", "0412.345.615", "", "line 14: enterprises[0].number"),
        UNKNOWN_LOCAL_MANAGER("\"name\": \"E\"", "\"name\": \"E\", \"localManager\": \"ghost\"", "", "line 14: enterprises[0].localManager"),
        ROLE_OF_AN_UNKNOWN_PERSON("", "", ",\n  \"roles\": [\n    {\"person\": \"ghost\", \"enterprise\": \"0412.345.614\", \"eService\": \"NCTS\", \"role\": \"NCTS\", \"state\": \"ACCEPTED\", \"validFrom\": \"2020-01-01\"}\n  ]", "line 17: roles[0].person"),
        ROLE_WITH_A_BAD_STATE("", "", ",\n  \"roles\": [\n    {\"person\": \"p1\", \"enterprise\": \"0412.345.614\", \"eService\": \"NCTS\", \"role\": \"NCTS\", \"state\": \"MAYBE\", \"validFrom\": \"2020-01-01\"}\n  ]", "line 17: roles[0].state"),
        ROLE_WITH_A_BAD_DATE("", "", ",\n  \"roles\": [\n    {\"person\": \"p1\", \"enterprise\": \"0412.345.614\", \"eService\": \"NCTS\", \"role\": \"NCTS\", \"state\": \"ACCEPTED\", \"validFrom\": \"1st of May\"}\n  ]", "line 17: roles[0].validFrom"),
        CLIENT_WITH_A_RELATIVE_REDIRECT_URI("", "", ",\n  \"oidcClients\": [\n    {\"clientId\": \"c\", \"secret\": \"s\",\n     \"redirectUris\": [\"/callback\"]}\n  ]", "line 18: oidcClients[0].redirectUris[0]"),
        SP_WITH_A_BAD_CERTIFICATE("", "", ",\n  \"samlServiceProviders\": [\n    {\"entityId\": \"sp\", \"acsUrls\": [\"http://127.0.0.1/acs\"],\n     \"signingCertificate\": \"not a certificate\"}\n  ]", "line 18: samlServiceProviders[0].signingCertificate"),
        SP_WITH_A_RELATIVE_SINGLE_LOGOUT_URL("", "", ",\n  \"samlServiceProviders\": [\n    {\"entityId\": \"sp\", \"acsUrls\": [\"http://127.0.0.1/acs\"],\n     \"singleLogoutUrl\": \"/logout/saml\"}\n  ]", "line 18: samlServiceProviders[0].singleLogoutUrl"),
        UNKNOWN_SECTION("", "", ",\n  \"robots\": []", "line 16: robots"),
        SYNTAX_ERROR("\"givenName\": \"A\",", "\"givenName\": \"A\",,", "", "line 6");

        final String from;
        final String to;
        final String append;
        final String expected;

        Bad(String from, String to, String append, String expected) {
            this.from = from;
            this.to = to;
            this.append = append;
            this.expected = expected;
        }

        String json() {
            String valid = PERSON.formatted(append);
            return from.isEmpty() ? valid : valid.replace(from, to);
        }
    }

    @Test
    void theValidFile_loads() {
        assertThat(Personas.parse(PERSON.formatted(""), "ok.json").people()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Bad.class)
    void aBadFile_failsNamingTheFieldAndTheLine(Bad bad) {
        assertThatThrownBy(() -> Personas.parse(bad.json(), "personas.json"))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                .hasMessageContaining("personas.json, " + bad.expected)
                .hasMessageNotContaining("85.07.30");
    }
}
