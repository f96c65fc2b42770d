package be.fedauth.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
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

/**
 * The recipes of docs/other-identity-providers.md stay true: every demo command line on the page is
 * read by the demo's option parser, and the Keycloak clients shown are the ones the peer tests
 * register (test resources {@code keycloak/*.json}, with the page's example values).
 */
class PeerRecipesDocTest {
    private static final Path PAGE = Path.of("..", "docs", "other-identity-providers.md");
    private static final Pattern SHELL = Pattern.compile("```shell\\n(.*?)```", Pattern.DOTALL);

    @Test
    void point13_recipes_everyDemoCommandLineParses() throws IOException {
        List<List<String>> commands = new ArrayList<>();
        Matcher block = SHELL.matcher(Files.readString(PAGE));
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
        String page = Files.readString(PAGE);

        assertThat(page).contains(resource("oidc-client.json").replace("@@CLIENT_ID@@", "fedauth-demo")
                .replace("@@SECRET@@", "CHANGE-ME-client-secret")
                .replace("@@REDIRECT_URI@@", "https://portal.example.be/callback/oidc")
                .replace("@@POST_LOGOUT_REDIRECT_URI@@", "https://portal.example.be/").replace("@@MAPPERS@@", ""));
        assertThat(page).contains(resource("saml-client.json").replace("@@ENTITY_ID@@", "https://portal.example.be/saml/sp")
                .replace("@@ACS@@", "https://portal.example.be/callback/saml")
                .replace("@@SLO@@", "https://portal.example.be/saml/slo")
                .replace("@@CERT@@", "PORTAL-CERTIFICATE-BASE64").replace("@@ENCRYPT@@", "false"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PeerRecipesDocTest.class.getClassLoader().getResourceAsStream("keycloak/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
