package be.fedauth.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/concepts.md shows code that compiles and works. */
class ConceptsDocTest {
    private static final Path DOC = Path.of("..", "docs", "concepts.md");
    private static final Path EXAMPLES = Path.of("src", "test", "java", "be", "fedauth", "core", "ConceptsExamples.java");

    @ParameterizedTest
    @ValueSource(strings = {"transition", "errors"})
    void conceptsMd_showsTheCompiledExampleWordForWord(String name) throws IOException {
        String source = Files.readString(EXAMPLES);
        String begin = "// BEGIN concepts.md " + name + "\n";
        String example = source.substring(source.indexOf(begin) + begin.length(),
                source.indexOf("        // END concepts.md " + name));
        String unindented = example.lines().map(line -> line.startsWith("        ") ? line.substring(8) : line)
                .collect(Collectors.joining("\n", "", "\n"));

        assertThat(Files.readString(DOC)).contains("```java\n" + unindented + "```");
    }

    @Test
    void transitionExample_refusesTheLegacyLoginFromTheGraceEnd() {
        SettableClock clock = SettableClock.fixed(Instant.parse("2020-02-29T23:00:00Z"));
        StubProvider socialSecurity = new StubProvider(ProviderId.of("social-security"), Set.of(DigitalKey.SOCIAL_SECURITY),
                DigitalKey.SOCIAL_SECURITY);
        StubProvider fas = new StubProvider(ProviderId.of("fas"), Set.of(DigitalKey.EID), DigitalKey.EID);

        TransitionAuthenticationProvider ncts = new ConceptsExamples().nctsTransition(socialSecurity, fas, clock);

        assertThat(ncts.phase()).isEqualTo(TransitionPhase.AFTER_GRACE);
        assertThat(ncts.keys()).containsExactly(DigitalKey.EID);
    }

    @Test
    void errorsExample_showsTheCodeAndDutchGuidanceWithTheNctsMailbox() {
        ConceptsExamples examples = new ConceptsExamples();
        StubProvider failing = new StubProvider(ProviderId.of("fas"), Set.of(DigitalKey.EID), DigitalKey.EID);
        failing.onFinish = () -> {
            throw new AuthenticationException(ErrorCode.LEVEL_TOO_LOW, "level 300 below 400");
        };
        PendingLogin pending = failing.startLogin(LoginRequest.builder().build()).pendingLogin();

        examples.finish(failing, CallbackRequest.get(Map.of()), pending);

        assertThat(examples.shownPage).startsWith("level_too_low: ").contains("helpdesk.ncts@minfin.fed.be")
                .contains("eID of itsme");
    }
}
