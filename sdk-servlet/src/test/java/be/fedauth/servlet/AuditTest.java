package be.fedauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.NationalRegisterNumber;
import be.fedauth.core.spi.AuditEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The filter's own audit events, with users as pseudonyms only. */
class AuditTest {
    private static final byte[] PSEUDONYM_KEY = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final Fixture fixture = new Fixture();
    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();
    private Portal portal;
    private Browser browser;

    @BeforeEach
    void start() {
        portal = Portal.start(fixture.settings().auditSink(events::add, PSEUDONYM_KEY).build());
        browser = new Browser(portal.base());
    }

    @AfterEach
    void stop() throws Exception {
        portal.close();
    }

    private String aliceInTheLog() {
        return AuditEvent.pseudonym(NationalRegisterNumber.parse("85073003328"), PSEUDONYM_KEY);
    }

    @Test
    void login_recordsTheSessionWithThePseudonymKeyAndLevel() {
        Fixture.loginOidc(browser, Persona.ALICE, "service=NCTS&key=EID");

        AuditEvent event = events.stream().filter(e -> e.type().equals("session_started")).findFirst().orElseThrow();
        assertThat(event.provider()).isEqualTo("fake-oidc");
        assertThat(event.subject()).contains(aliceInTheLog());
        assertThat(event.details()).containsEntry("key", "EID").containsEntry("level", "500").containsEntry("eService", "NCTS");
        assertThat(event.toString()).doesNotContain("85073003328", "85.07.30");
    }

    @Test
    void callbackWithoutPendingLogin_isRecordedWithItsCode() {
        Fixture.oidcCallback(browser, "no-such-state", Persona.ALICE);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("pending_login_refused");
            assertThat(e.error()).contains(ErrorCode.PENDING_LOGIN_NOT_FOUND);
            assertThat(e.subject()).isEmpty();
        });
    }

    @Test
    void deniedAccess_isRecordedWithTheReasonEServiceAndEnterprise() {
        Fixture.loginOidc(browser, Persona.CAROL, "service=EMCS");

        browser.get("/emcs");

        AuditEvent event = events.stream().filter(e -> e.type().equals("access_denied")).findFirst().orElseThrow();
        assertThat(event.error()).contains(ErrorCode.ROLE_MISSING);
        assertThat(event.details()).containsEntry("eService", "EMCS").containsEntry("enterprise", "0403170701");
    }

    @Test
    void logout_isRecorded() {
        Fixture.loginOidc(browser, Persona.ALICE, "service=NCTS");

        browser.get("/logout");

        assertThat(events).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("logout");
            assertThat(e.subject()).isEqualTo(Optional.of(aliceInTheLog()));
        });
    }
}
