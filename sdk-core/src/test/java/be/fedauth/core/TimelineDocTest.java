package be.fedauth.core;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.TimelineEntry.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 point 6: docs/timeline.md is generated from the shipped timeline.txt. Outside CI this test
 * rewrites the page when the data changed (commit the result); in CI ({@code CI=true}) it fails when
 * the committed page and the data disagree.
 */
class TimelineDocTest {
    private static final Path PAGE = Path.of("..", "docs", "timeline.md");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    static String render(Timeline timeline) {
        StringBuilder md = new StringBuilder();
        md.append("# The timeline of FAS and the customs e-services\n\n")
                .append("Generated from `sdk-core/src/main/resources/be/fedauth/core/timeline.txt` (a test keeps this page and the\n")
                .append("data equal). fedauth reads its dated facts from that file: `KeyRetirements.standard()`, the NCTS preset,\n")
                .append("the e-services' helpdesk mailboxes and the guidance for foreigners. An operator replaces it at start with\n")
                .append("`Timeline.load(path)` (for example `LoginChecks.builder(...).timeline(...)`), without a release; a\n")
                .append("malformed file fails at start with the line and the field. Days are in Brussels time (the start of the\n")
                .append("day); \"before 2019\" means no date is known and the fact held when the 2019 customs page was written.\n\n")
                .append("## Picture\n\n```mermaid\ngantt\n    title FAS and the customs e-services\n    dateFormat YYYY-MM-DD\n")
                .append("    axisFormat %Y\n");
        List<TimelineEntry> dated = timeline.entries().stream().filter(e -> e.at().isPresent())
                .sorted(Comparator.comparing((TimelineEntry e) -> e.at().get()).thenComparing(TimelineEntry::line)).toList();
        for (String section : List.of("Digital keys", "Foreigners", "E-services", "Helpdesk")) {
            List<TimelineEntry> in = dated.stream().filter(e -> section(e.kind()).equals(section)).toList();
            if (in.isEmpty()) {
                continue;
            }
            md.append("    section ").append(section).append('\n');
            for (TimelineEntry e : in) {
                md.append("    ").append(label(e).replace(":", " ").replace("#", "").replace(",", " + ")).append(" :milestone, ")
                        .append(day(e.at().get())).append(", 0d\n");
            }
        }
        md.append("```\n\n## Table\n\n| when | kind | subject | what | source | line |\n|---|---|---|---|---|---|\n");
        List<TimelineEntry> all = timeline.entries().stream()
                .sorted(Comparator.comparing((TimelineEntry e) -> e.at().orElse(Instant.MIN)).thenComparing(TimelineEntry::line))
                .toList();
        for (TimelineEntry e : all) {
            md.append("| ").append(e.at().map(TimelineDocTest::when).orElse("before 2019")).append(" | `").append(e.kind().id())
                    .append("` | ").append(e.subject()).append(" | ").append(cell(attributes(e))).append(" | ")
                    .append(cell(e.source())).append(" | ").append(e.line()).append(" |\n");
        }
        return md.toString();
    }

    private static String section(Kind kind) {
        return switch (kind) {
            case KEY_ACTIVE, KEY_DEPRECATED, KEY_RETIRED -> "Digital keys";
            case FOREIGNER_ROUTE, FOREIGNER_ROUTE_ENDED -> "Foreigners";
            case ESERVICE_PHASE, ESERVICE_CUTOVER, ESERVICE_IDP -> "E-services";
            case HELPDESK -> "Helpdesk";
        };
    }

    private static String label(TimelineEntry e) {
        return switch (e.kind()) {
            case KEY_ACTIVE -> e.subject() + " active";
            case KEY_DEPRECATED -> e.subject() + " deprecated";
            case KEY_RETIRED -> e.subject() + " retired";
            case FOREIGNER_ROUTE -> "foreigners via " + e.subject();
            case FOREIGNER_ROUTE_ENDED -> "foreigners' " + e.subject() + " ends";
            case ESERVICE_PHASE -> e.subject() + " " + e.attribute("state").orElse("") + e.attribute("version").map(v -> " " + v).orElse("");
            case ESERVICE_CUTOVER -> e.subject() + " cutover " + e.attribute("name").orElse("");
            case ESERVICE_IDP -> e.subject() + " via " + e.attribute("idps").orElse("");
            case HELPDESK -> e.subject() + " helpdesk";
        };
    }

    private static String attributes(TimelineEntry e) {
        return e.attributes().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(a -> a.getKey() + "=" + a.getValue()).collect(Collectors.joining("; "));
    }

    private static String day(Instant at) {
        return at.atZone(Transition.BRUSSELS).format(DAY);
    }

    private static String when(Instant at) {
        ZonedDateTime z = at.atZone(Transition.BRUSSELS);
        return z.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? z.format(DAY)
                : z.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " (Brussels)";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    @Test
    void point6_timelinePage_isGeneratedFromTheDataFile() throws IOException {
        String expected = render(Timeline.standard());
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!ci && (!Files.exists(PAGE) || !Files.readString(PAGE, StandardCharsets.UTF_8).equals(expected))) {
            Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(PAGE, StandardCharsets.UTF_8)).isEqualTo(expected);
    }
}
