package be.fedauth.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.LoginRedirect;
import be.fedauth.oidc.docs.QuickStart;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** docs/oidc.md shows the code of {@link QuickStart}, and that code logs a user in. */
class QuickStartDocTest {
    private final FakeFasFixture f = new FakeFasFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void docsPage_showsTheQuickStartExactlyAsCompiled() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "oidc.md"), StandardCharsets.UTF_8);
        String source = Files.readString(Path.of("src", "test", "java", "be", "fedauth", "oidc", "docs", "QuickStart.java"),
                StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(page);
        String example = source.substring(source.indexOf("// --- docs/oidc.md: quick start") + 33,
                source.indexOf("    // --- end"));

        assertThat(block.find()).isTrue();
        assertThat(normalise(block.group(1))).isEqualTo(normalise(example));
    }

    @Test
    void quickStart_presetBuildsAndPointsAtFasIntegration() {
        OidcProvider fas = QuickStart.fasIntegration("customs-app", "secret", URI.create("https://customs.example/cb"));

        LoginRedirect redirect = QuickStart.start(fas);

        assertThat(redirect.redirect().location().getHost()).isEqualTo("idp.iamfas.int.belgium.be");
        assertThat(redirect.pendingLogin().minimumLevel()).contains(AssuranceLevel.LEVEL_400);
    }

    @Test
    void quickStart_twoCalls_logAUserInAtTheFakeFas() {
        OidcProvider fas = f.provider();
        LoginRedirect redirect = QuickStart.start(fas);
        Map<String, String> query = new LinkedHashMap<>();
        f.callback(redirect, "ncts-employee", DigitalKey.EID).parameters().forEach((k, v) -> query.put(k, v.get(0)));

        AuthenticatedUser user = QuickStart.finish(fas, query, redirect.pendingLogin());

        assertThat(user.identity().familyName()).isEqualTo("Dubois");
    }

    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
