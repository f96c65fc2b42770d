package be.fedauth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TimelineTest {
    private static final Instant TOKEN_RETIRED = Instant.parse("2024-01-30T23:00:00Z");

    @Test
    void point1_shippedTimeline_everyEntryHasASource() {
        assertThat(Timeline.standard().entries()).isNotEmpty().allSatisfy(e -> assertThat(e.source()).isNotBlank());
    }

    @Test
    void point1_keyRetirementsStandard_comeFromTheTimeline() {
        KeyRetirements standard = KeyRetirements.standard();

        assertThat(standard).isEqualTo(Timeline.standard().retirements());
        assertThat(standard.retirements()).extracting(KeyRetirement::key)
                .containsExactlyInAnyOrder(DigitalKey.PASSWORD_TOKEN, DigitalKey.COMMERCIAL_CERTIFICATE);
        assertThat(KeyRetirement.TOKEN.retiredAt()).isEqualTo(TOKEN_RETIRED);
    }

    @Test
    void point1_nctsPreset_readsItsCutoverFromTheTimeline() {
        assertThat(Transition.NCTS_CUTOVER_DAY).isEqualTo(LocalDate.parse("2019-10-24"));
        assertThat(Transition.ncts(ProviderId.of("socsec"), ProviderId.of("fas"), LocalDate.parse("2020-03-01")).cutover())
                .isEqualTo(Timeline.standard().cutover("NCTS", "bosa"));
    }

    @Test
    void point1_helpdeskChannels_comeFromTheTimeline() {
        assertThat(Helpdesk.PHONE).isEqualTo("02 579 33 33");
        assertThat(Helpdesk.FOREIGNER_TOKEN_MAILBOX).isEqualTo("iam.da@minfin.fed.be");
        assertThat(EService.AES.helpdeskMailbox()).isEqualTo("aes.helpdesk@minfin.fed.be");
    }

    /** Malformed files: each fails at start naming the line and the field. */
    enum Malformed {
        NO_FORMAT_LINE("- | key.active | EID | level=500 | s", "line 1, field format"),
        WRONG_FIELD_COUNT("format 1\n- | key.active | EID | level=500", "line 2, field line"),
        BAD_DATE("format 1\n2024-13-40 | key.retired | EID | - | s", "line 2, field at"),
        UNKNOWN_KIND("format 1\n- | key.gone | EID | - | s", "line 2, field kind"),
        UNKNOWN_KEY("format 1\n\n# comment\n- | key.active | TOKEN2 | level=300 | s", "line 4, field subject"),
        LEVEL_DISAGREES("format 1\n- | key.active | EID | level=300 | s", "line 2, field attribute 'level'"),
        LEVEL_NOT_A_NUMBER("format 1\n- | key.active | EID | level=high | s", "line 2, field attribute 'level'"),
        UNKNOWN_ATTRIBUTE("format 1\n- | helpdesk | NCTS | fax=1 | s", "line 2, field attribute 'fax'"),
        NOT_NAME_VALUE("format 1\n- | helpdesk | NCTS | mailbox | s", "line 2, field attributes"),
        BAD_MAILBOX("format 1\n- | helpdesk | NCTS | mailbox=nobody | s", "line 2, field attribute 'mailbox'"),
        NO_SOURCE("format 1\n2024-01-31 | key.retired | PASSWORD_TOKEN | - |  ", "line 2, field source"),
        UNDATED_RETIREMENT("format 1\n- | key.retired | PASSWORD_TOKEN | - | s", "line 2, field at"),
        MISSING_ATTRIBUTE("format 1\n2019-10-24 | eservice.cutover | NCTS | name=bosa; from=a | s", "line 2, field attribute 'to'"),
        UNKNOWN_ROUTE("format 1\n- | foreigner.route | PIGEON | - | s", "line 2, field subject");

        final String text;
        final String where;

        Malformed(String text, String where) {
            this.text = text;
            this.where = where;
        }
    }

    @ParameterizedTest
    @EnumSource(Malformed.class)
    void point1_malformedFile_failsAtStartNamingTheLineAndTheField(Malformed m) {
        assertThatThrownBy(() -> Timeline.parse(new StringReader(m.text), "ops-timeline.txt"))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((FedAuthException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                .hasMessageContaining("ops-timeline.txt " + m.where);
    }

    @Test
    void point1_malformedFileOnDisk_failsWhenLoaded(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("timeline.txt");
        Files.writeString(file, "format 1\n- | key.active | EID | level=500 | s\nnonsense\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Timeline.load(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("timeline.txt line 3, field line");
    }

    @Test
    void point5_overrideFile_movedTokenRetirementAndANewlyRetiredKey_changeBehaviourWithoutRecompiling(@TempDir Path dir)
            throws IOException {
        String shipped = readShipped();
        String changed = shipped.replace("2024-01-31             | key.retired           | PASSWORD_TOKEN",
                        "2024-06-30             | key.retired           | PASSWORD_TOKEN")
                + "2026-09-01 | key.retired | PASSWORD_SMS_CODE | - | the operator's notice of 2026\n";
        assertThat(changed).contains("2024-06-30").doesNotContain("2024-01-31             | key.retired           | PASSWORD_TOKEN");
        Path file = dir.resolve("timeline.txt");
        Files.writeString(file, changed, StandardCharsets.UTF_8);
        TimelineLogins logins = new TimelineLogins(Timeline.load(file));
        Instant movedRetirement = Instant.parse("2024-06-29T22:00:00Z");
        Instant smsRetirement = Instant.parse("2026-08-31T22:00:00Z");

        // The shipped date no longer retires the token; the moved one does.
        assertThat(logins.loginAt(TOKEN_RETIRED, DigitalKey.PASSWORD_TOKEN).key()).isEqualTo(DigitalKey.PASSWORD_TOKEN);
        assertThat(logins.loginAt(movedRetirement.minusSeconds(1), DigitalKey.PASSWORD_TOKEN).key())
                .isEqualTo(DigitalKey.PASSWORD_TOKEN);
        assertThatThrownBy(() -> logins.loginAt(movedRetirement, DigitalKey.PASSWORD_TOKEN))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.KEY_RETIRED);
        // A key the shipped file never retires is refused from the operator's date.
        assertThat(logins.loginAt(smsRetirement.minusSeconds(1), DigitalKey.PASSWORD_SMS_CODE).key())
                .isEqualTo(DigitalKey.PASSWORD_SMS_CODE);
        assertThatThrownBy(() -> logins.loginAt(smsRetirement, DigitalKey.PASSWORD_SMS_CODE))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.KEY_RETIRED);
        assertThat(logins.checks().offered(java.util.Set.of(DigitalKey.PASSWORD_SMS_CODE, DigitalKey.EID)))
                .containsExactly(DigitalKey.EID);
    }

    @Test
    void point5_overrideFile_movedNctsCutover_movesThePreset(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("timeline.txt");
        Files.writeString(file, readShipped().replace("2019-10-24             | eservice.cutover      | NCTS",
                "2019-11-04             | eservice.cutover      | NCTS"), StandardCharsets.UTF_8);

        Transition moved = Transition.ncts(Timeline.load(file), ProviderId.of("socsec"), ProviderId.of("fas"), LocalDate.parse("2020-03-01"));

        assertThat(moved.cutover()).isEqualTo(Instant.parse("2019-11-03T23:00:00Z"));
    }

    static String readShipped() throws IOException {
        try (var in = Timeline.class.getResourceAsStream(Timeline.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
