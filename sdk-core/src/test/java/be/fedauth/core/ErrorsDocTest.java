package be.fedauth.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/errors.md is generated from {@link ErrorCode} and {@link Guidance}. Outside CI this test
 * rewrites the page when the code changed (commit the result); in CI (environment variable
 * {@code CI=true}) it fails when the committed page and the code disagree.
 */
class ErrorsDocTest {
    private static final Path PAGE = Path.of("..", "docs", "errors.md");

    static String render() {
        StringBuilder md = new StringBuilder();
        md.append("# Error codes and their guidance\n\n")
                .append("Generated from `ErrorCode` and `Guidance` in sdk-core (a test keeps this page and the code equal).\n")
                .append("Match on the code, never on the message. Every code's guidance also names the customs helpdesk, ")
                .append(Helpdesk.PHONE).append(" (").append(Guidance.of(ErrorCode.IDP_ERROR, Language.EN).helpdesk().hours())
                .append("), and the mailbox of the e-service when it is known.\n\n")
                .append("| code | advice | English | Français | Nederlands | Deutsch | help page |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (ErrorCode code : ErrorCode.values()) {
            md.append("| `").append(code.id()).append("` | ").append(code.advice().name().toLowerCase(java.util.Locale.ROOT));
            for (Language language : new Language[] {Language.EN, Language.FR, Language.NL, Language.DE}) {
                md.append(" | ").append(Guidance.of(code, language).message().replace("|", "\\|"));
            }
            md.append(" | ").append(Guidance.of(code, Language.EN).helpdesk().helpPage().map(Object::toString).orElse(""))
                    .append(" |\n");
        }
        return md.toString();
    }

    @Test
    void errorsPage_listsEveryCodeWithItsGuidance() throws IOException {
        String expected = render();
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!ci && (!Files.exists(PAGE) || !Files.readString(PAGE, StandardCharsets.UTF_8).equals(expected))) {
            Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(PAGE, StandardCharsets.UTF_8)).isEqualTo(expected);
    }
}
