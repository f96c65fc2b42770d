package be.fedauth.demo;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.demo.docs.PeerRecipes;
import be.fedauth.demo.peers.TestKey;
import be.fedauth.saml.SpKey;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recipes of docs/other-identity-providers.md ("Recipes") stay true: every demo command line on the page is
 * read by the demo's option parser, the code shown builds each provider ({@code docs.PeerRecipes}),
 * and the Keycloak clients shown are the ones the peer tests register (test resources
 * {@code keycloak/*.json}, with the page's example values).
 */
class PeerRecipesDocTest {
    private static final Path PAGE = Path.of("..", "docs", "other-identity-providers.md");
    private static final Pattern SHELL = Pattern.compile("```shell\\n(.*?)```", Pattern.DOTALL);

    @Test
    void point13_recipes_everyDemoCommandLineParses() throws IOException {
        List<List<String>> commands = new ArrayList<>();
        Matcher block = SHELL.matcher(recipes());
        while (block.find()) {
            String command = block.group(1).replace("\\\n", " ");
            if (command.contains("fedauth-demo.jar")) {
                commands.add(Arrays.asList(command.strip().split("\\s+")));
            }
        }

        assertThat(commands).hasSize(4);
        for (List<String> words : commands) {
            Map<String, String> environment = new LinkedHashMap<>();
            int at = 0;
            while (words.get(at).matches("[A-Z_]+=.*")) {
                String[] assignment = words.get(at++).split("=", 2);
                environment.put(assignment[0], assignment[1]);
            }
            assertThat(words.subList(at, at + 3)).containsExactly("java", "-jar", "demo/target/fedauth-demo.jar");
            List<String> args = words.subList(at + 3, words.size());
            DemoOptions options = DemoOptions.parse(args.toArray(String[]::new), environment);
            assertThat(options.fakeIdp()).as(String.join(" ", args)).isFalse();
        }
    }

    @Test
    void point13_recipes_showTheKeycloakClientsTheTestsRegister() throws IOException {
        String page = recipes();

        assertThat(page).contains(resource("oidc-client.json").replace("@@CLIENT_ID@@", "fedauth-demo")
                .replace("@@SECRET@@", "CHANGE-ME-client-secret")
                .replace("@@REDIRECT_URI@@", "https://portal.example.be/callback/oidc")
                .replace("@@POST_LOGOUT_REDIRECT_URI@@", "https://portal.example.be/logged-out").replace("@@MAPPERS@@", ""));
        assertThat(page).contains(resource("saml-client.json").replace("@@ENTITY_ID@@", "https://portal.example.be/saml/sp")
                .replace("@@ACS@@", "https://portal.example.be/callback/saml")
                .replace("@@SLO@@", "https://portal.example.be/saml/slo")
                .replace("@@CERT@@", "PORTAL-CERTIFICATE-BASE64").replace("@@ENCRYPT@@", "false"));
    }

    @Test
    void point13_recipes_showTheCodeThatBuildsEachProvider(@TempDir Path dir) throws IOException {
        TestKey key = TestKey.generate(dir, "portal");
        String source = Files.readString(Path.of("src/test/java/be/fedauth/demo/docs/PeerRecipes.java"));
        String page = recipes();

        assertThat(PeerRecipes.keycloakOidc("CHANGE-ME-client-secret").id().value()).isEqualTo("keycloak-oidc");
        assertThat(PeerRecipes.keycloakSaml(key.pkcs12(), key.password().toCharArray()).id().value())
                .isEqualTo("keycloak-saml");
        assertThat(PeerRecipes.navikt(URI.create("http://127.0.0.1:8180/default")).id().value()).isEqualTo("navikt");
        assertThat(PeerRecipes.samlify(SpKey.of(key.privateKey(), key.certificate())).id().value()).isEqualTo("samlify");
        Matcher recipe = Pattern.compile("// --- recipe: [a-z ]+\\n(.*?)\\n\\s*// --- end", Pattern.DOTALL).matcher(source);
        int shown = 0;
        while (recipe.find()) {
            assertThat(page).contains(recipe.group(1).stripIndent().strip());
            shown++;
        }
        assertThat(shown).isEqualTo(4);
    }

    /** The page's "Recipes" section. */
    private static String recipes() throws IOException {
        String page = Files.readString(PAGE);
        return page.substring(page.indexOf("\n## Recipes\n"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PeerRecipesDocTest.class.getClassLoader().getResourceAsStream("keycloak/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
