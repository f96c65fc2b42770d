package be.fedauth.demo;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.DigitalKey;
import be.fedauth.core.ProviderId;
import be.fedauth.demo.docs.OtherIdentityProviders;
import be.fedauth.oidc.OidcProvider;
import be.fedauth.saml.SamlProvider;
import be.fedauth.saml.SpKey;
import be.fedauth.saml.SpKeys;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/other-identity-providers.md: its code runs as shown, and it documents every demo option of issue 13. */
class OtherIdentityProvidersDocTest {
    private static final Path PAGE = Path.of("..", "docs", "other-identity-providers.md");
    private static final Path KEYS = Path.of("..", "sdk-testkit", "src", "main", "resources", "be", "fedauth", "testkit", "keys");

    private static String page() throws IOException {
        return Files.readString(PAGE, StandardCharsets.UTF_8);
    }

    @Test
    void point1_page_showsTheCodeEquivalentsExactlyAsCompiled() throws IOException {
        String page = page();
        String source = Files.readString(Path.of("src", "test", "java", "be", "fedauth", "demo", "docs",
                "OtherIdentityProviders.java"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(page);
        String marker = "// --- docs/other-identity-providers.md: code equivalents";
        String example = source.substring(source.indexOf(marker) + marker.length(), source.indexOf("    // --- end"));

        assertThat(block.find(page.indexOf("### Code equivalents"))).isTrue();
        assertThat(normalise(block.group(1))).isEqualTo(normalise(example));
    }

    @Test
    void point1_codeEquivalents_buildTheProvidersTheyDescribe() throws IOException {
        OidcProvider oidc = OtherIdentityProviders.oidc(URI.create("https://idp.example/oidc"), "portal",
                "secret-0123456789", URI.create("https://portal.example/callback/oidc"));
        SpKeys keys = SpKeys.of(SpKey.fromPem(Files.readString(KEYS.resolve("demo-sp.key.pem")),
                Files.readString(KEYS.resolve("demo-sp.cert.pem"))));
        SamlProvider saml = OtherIdentityProviders.saml(URI.create("https://idp.example/saml/metadata"),
                "https://idp.example/saml", "https://portal.example/saml/sp", URI.create("https://portal.example/callback/saml"),
                keys);

        assertThat(oidc.id()).isEqualTo(ProviderId.of("customs-idp"));
        assertThat(oidc.keys()).containsExactly(DigitalKey.EID);
        assertThat(saml.id()).isEqualTo(ProviderId.of("saml"));
        assertThat(saml.keys()).isEmpty();
    }

    @Test
    void point1_page_documentsEveryProfileOption_underItsHeadings() throws IOException {
        String page = page();

        assertThat(page).contains("\n## Mapping reference\n", "\n## Recipes\n", "`--levels fas\\|generic`");
        ProfileOptions.OPTIONS.forEach(o -> assertThat(page).contains("`" + o.flag()));
    }

    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
