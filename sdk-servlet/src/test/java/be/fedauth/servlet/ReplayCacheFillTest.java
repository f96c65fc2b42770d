package be.fedauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.LoginChecks;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Callbacks that the provider refuses take no place in the replay cache (the shared login checks write
 * a login's state only once everything passed): junk callbacks that carry their own valid state but a
 * code the identity provider refuses cannot push a genuine login's entry out of a one-entry cache, so
 * replaying that login's callback is still refused.
 */
class ReplayCacheFillTest {
    private static final String PENDING_COOKIE = "fedauth_pending";
    private final Fixture fixture = new Fixture(1);
    private Portal portal;

    @BeforeEach
    void start() {
        portal = Portal.start(fixture.settings().build());
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void junkCallbacks_writeNothing_soAGenuineLoginStaysUsedOnce() {
        Browser user = new Browser(portal.base());
        String state = Fixture.state(Fixture.startOidc(user, "service=NCTS"));
        String pendingCookie = user.cookie(PENDING_COOKIE).orElseThrow();
        assertThat(Fixture.oidcCallback(user, state, Persona.ALICE).statusCode()).isEqualTo(302);
        for (int i = 0; i < 3; i++) {
            Browser attacker = new Browser(portal.base());
            String attackerState = Fixture.state(Fixture.startOidc(attacker, "service=NCTS"));
            HttpResponse<String> junk = attacker.get("/callback/oidc?code=junk-" + i + "&state=" + attackerState);
            assertThat(junk.headers().firstValue("FedAuth-Error")).contains(ErrorCode.GRANT_REJECTED.id());
        }
        assertThat(fixture.oidc.replayCache().isUsed(LoginChecks.STATE_NAMESPACE, state)).isTrue();

        Browser thief = new Browser(portal.base());
        thief.setCookie(PENDING_COOKIE, pendingCookie, "/callback");
        HttpResponse<String> replay = Fixture.oidcCallback(thief, state, Persona.ALICE);

        assertThat(replay.headers().firstValue("FedAuth-Error")).contains(ErrorCode.REPLAY_DETECTED.id());
    }
}
