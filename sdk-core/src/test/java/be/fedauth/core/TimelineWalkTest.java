package be.fedauth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.TimelineEntry.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15 point 5: every dated entry of the shipped timeline, one second before its instant and at
 * it, with a settable clock, seen through the API that applies it.
 */
class TimelineWalkTest {
    private static final Timeline TIMELINE = Timeline.standard();

    static Stream<TimelineEntry> datedEntries() {
        return TIMELINE.entries().stream().filter(e -> e.at().isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datedEntries")
    void point5_eachDatedEntry_holdsAtItsInstantAndNotOneSecondBefore(TimelineEntry entry) {
        Instant at = entry.at().orElseThrow();
        Instant before = at.minusSeconds(1);
        switch (entry.kind()) {
            case KEY_RETIRED -> keyRetired(DigitalKey.valueOf(entry.subject()), before, at);
            case KEY_DEPRECATED -> keyDeprecated(DigitalKey.valueOf(entry.subject()), before, at);
            case KEY_ACTIVE -> {
                assertThat(TIMELINE.activeKeys(before)).doesNotContain(DigitalKey.valueOf(entry.subject()));
                assertThat(TIMELINE.activeKeys(at)).contains(DigitalKey.valueOf(entry.subject()));
            }
            case FOREIGNER_ROUTE -> {
                assertThat(TIMELINE.foreignerRoutes(before)).doesNotContain(entry.subject());
                assertThat(TIMELINE.foreignerRoutes(at)).contains(entry.subject());
            }
            case FOREIGNER_ROUTE_ENDED -> foreignerRouteEnded(entry.subject(), before, at);
            case ESERVICE_CUTOVER -> cutover(entry, before, at);
            case ESERVICE_PHASE, ESERVICE_IDP -> {
                assertThat(latestHolding(entry.kind(), entry.subject(), before)).isNotEqualTo(Optional.of(entry));
                assertThat(latestHolding(entry.kind(), entry.subject(), at)).contains(entry);
                if (entry.kind() == Kind.ESERVICE_PHASE && latestHolding(Kind.ESERVICE_PHASE, entry.subject(), before).isEmpty()) {
                    assertThat(TIMELINE.eServices(before)).doesNotContain(entry.subject());
                    assertThat(TIMELINE.eServices(at)).contains(entry.subject());
                }
            }
            case HELPDESK -> {
                for (String attribute : entry.attributes().keySet()) {
                    assertThat(TIMELINE.helpdesk(entry.subject(), attribute, before)).isNotEqualTo(entry.attribute(attribute));
                    assertThat(TIMELINE.helpdesk(entry.subject(), attribute, at)).isEqualTo(entry.attribute(attribute));
                }
            }
            default -> throw new AssertionError(entry.kind());
        }
    }

    private static void keyRetired(DigitalKey key, Instant before, Instant at) {
        TimelineLogins logins = new TimelineLogins(TIMELINE);
        assertThat(logins.loginAt(before, key).key()).isEqualTo(key);
        assertThatThrownBy(() -> logins.loginAt(at, key)).extracting(e -> ((FedAuthException) e).code())
                .isEqualTo(ErrorCode.KEY_RETIRED);
        assertThat(TIMELINE.activeKeys(before)).contains(key);
        assertThat(TIMELINE.activeKeys(at)).doesNotContain(key);
    }

    private static void keyDeprecated(DigitalKey key, Instant before, Instant at) {
        TimelineLogins logins = new TimelineLogins(TIMELINE);
        assertThat(logins.loginAt(before, key).notices()).extracting(Notice::code).doesNotContain(Notice.KEY_DEPRECATED);
        AuthenticatedUser user = logins.loginAt(at, key);
        assertThat(user.notices()).extracting(Notice::code).containsExactly(Notice.KEY_DEPRECATED);
        Optional<LocalDate> lastDay = TIMELINE.retiredAt(key).map(r -> r.minusSeconds(1).atZone(Transition.BRUSSELS).toLocalDate());
        assertThat(user.notices().get(0).lastDay()).isEqualTo(lastDay);
    }

    private static void foreignerRouteEnded(String route, Instant before, Instant at) {
        assertThat(TIMELINE.foreignerRoutes(before)).contains(route);
        assertThat(TIMELINE.foreignerRoutes(at)).doesNotContain(route);
        if (route.equals("TOKEN")) {
            // Point 3: a foreigner refused before the token's end is sent to the token; from then on to today's routes.
            assertThat(Guidance.at(ErrorCode.FOREIGNER_TOKEN_ONLY, Language.EN, before).helpdesk().helpPage())
                    .map(Object::toString).contains("mailto:iam.da@minfin.fed.be");
            Guidance today = Guidance.at(ErrorCode.FOREIGNER_TOKEN_ONLY, Language.EN, at);
            assertThat(today.message()).contains("eIDAS", "ForReg", "video identification").doesNotContain("iam.da@");
            assertThat(today.helpdesk().helpPage()).map(Object::toString).contains("https://finance.belgium.be/en/E-services/forreg");
        }
    }

    private static void cutover(TimelineEntry entry, Instant before, Instant at) {
        String name = entry.attribute("name").orElseThrow();
        ProviderId from = ProviderId.of(entry.attribute("from").orElseThrow().toLowerCase(java.util.Locale.ROOT));
        ProviderId to = ProviderId.of(entry.attribute("to").orElseThrow().toLowerCase(java.util.Locale.ROOT));
        Transition transition = name.equals("phase5") ? Transition.nctsPhase5(TIMELINE, from, to)
                : new Transition(from, to, TIMELINE.cutover(entry.subject(), name), TIMELINE.cutover(entry.subject(), name));
        if (name.equals("bosa")) {
            transition = Transition.ncts(from, to, LocalDate.parse("2021-01-01"));
        }
        assertThat(transition.phaseAt(before)).isEqualTo(TransitionPhase.BEFORE_CUTOVER);
        assertThat(transition.phaseAt(at)).isNotEqualTo(TransitionPhase.BEFORE_CUTOVER);
    }

    private static Optional<TimelineEntry> latestHolding(Kind kind, String subject, Instant now) {
        return TIMELINE.entries(kind).stream().filter(e -> e.subject().equals(subject) && e.holdsAt(now))
                .max(Comparator.comparing((TimelineEntry e) -> e.at().orElse(Instant.MIN)).thenComparing(TimelineEntry::line));
    }
}
