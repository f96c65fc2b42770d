package be.fedauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.spi.ReplayCache;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Callbacks that the provider refuses take no place in the replay cache: otherwise anyone could start
 * logins and send junk callbacks until the bounded cache, full, refuses everybody's login. The cache
 * here holds a single entry, so one junk callback recorded would lock the next user out.
 */
class ReplayCacheFillTest {
    private final Fixture fixture = new Fixture();
    private Portal portal;

    @BeforeEach
    void start() {
        portal = Portal.start(fixture.settings().replayCache(ReplayCache.inMemory(fixture.clock, 1)).build());
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void login_afterJunkCallbacksRefusedByTheProvider_stillSucceeds() {
        for (int i = 0; i < 3; i++) {
            Browser attacker = new Browser(portal.base());
            Fixture.startOidc(attacker, "service=NCTS");
            HttpResponse<String> junk = Fixture.oidcCallback(attacker, "junk-state-" + i, Persona.CAROL);
            assertThat(junk.headers().firstValue("FedAuth-Error")).contains(ErrorCode.STATE_MISMATCH.id());
        }
        Browser user = new Browser(portal.base());

        HttpResponse<String> callback = Fixture.loginOidc(user, Persona.ALICE, "service=NCTS");

        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        assertThat(user.get("/account").statusCode()).isEqualTo(200);
    }
}
