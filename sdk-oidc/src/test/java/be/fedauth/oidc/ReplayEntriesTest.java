package be.fedauth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.CallbackRequest;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginChecks;
import be.fedauth.core.LoginRequest;
import be.fedauth.testkit.Endpoint;
import be.fedauth.core.spi.ReplayCache;
import be.fedauth.testkit.OidcAttack;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a callback leaves in the replay cache: nothing unless the ID token validated, so that callbacks
 * with junk codes cannot fill the bounded cache and lock every user out.
 */
class ReplayEntriesTest {
    private final FakeFasFixture f = new FakeFasFixture();
    private final List<String> namespaces = new CopyOnWriteArrayList<>();
    private final ReplayCache delegate = ReplayCache.inMemory(f.clock, 100);
    private final ReplayCache recording = new ReplayCache() {
        @Override
        public void markUsed(String namespace, String id, Instant expiresAt) {
            namespaces.add(namespace);
            delegate.markUsed(namespace, id, expiresAt);
        }

        @Override
        public boolean isUsed(String namespace, String id) {
            return delegate.isUsed(namespace, id);
        }
    };
    private final OidcProvider provider = f.provider(b -> b.replayCache(recording));

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void finishLogin_withAJunkCode_failsWithGrantRejected_andLeavesNoReplayEntry() {
        LoginRedirect r = provider.startLogin(LoginRequest.builder().build());
        Map<String, String> params = new LinkedHashMap<>();
        f.callback(r, "citizen", DigitalKey.EID).parameters().forEach((k, v) -> params.put(k, v.get(0)));
        params.put("code", "junk");

        assertThatThrownBy(() -> provider.finishLogin(CallbackRequest.get(params), r.pendingLogin()))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.GRANT_REJECTED);
        assertThat(namespaces).isEmpty();
    }

    @Test
    void finishLogin_withAnIdTokenThatFailsValidation_leavesNoReplayEntry() {
        f.fas.queueAttack(OidcAttack.NONCE_MISMATCH);

        assertThatThrownBy(() -> f.login(provider, "citizen", DigitalKey.EID))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.NONCE_MISMATCH);
        assertThat(namespaces).isEmpty();
    }

    @Test
    void point4_finishLogin_succeeding_writesOneEntry_theLoginsState() {
        f.login(provider, "citizen", DigitalKey.EID);

        assertThat(namespaces).containsExactly(LoginChecks.STATE_NAMESPACE);
    }

    @Test
    void point9_aCallbackWhoseStateWasUsed_isRefusedBeforeTheCodeIsRedeemed() {
        LoginRedirect r = provider.startLogin(LoginRequest.builder().build());
        CallbackRequest callback = f.callback(r, "citizen", DigitalKey.EID);
        provider.finishLogin(callback, r.pendingLogin());
        f.fas.clearRecordedRequests();

        assertThatThrownBy(() -> provider.finishLogin(callback, r.pendingLogin()))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.REPLAY_DETECTED);
        assertThat(f.fas.recordedRequests(Endpoint.OIDC_TOKEN)).isEmpty();
    }
}
