package be.fedauth.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.PendingLoginSealer;
import be.fedauth.core.SealingKey;
import be.fedauth.core.spi.PendingLoginStore;
import be.fedauth.core.spi.RandomValues;
import be.fedauth.oidc.ClientAuthentication;
import be.fedauth.oidc.OidcProvider;
import be.fedauth.oidc.OidcSettings;
import be.fedauth.testkit.FakeFas;
import be.fedauth.testkit.HeadlessLogin;
import be.fedauth.testkit.LoginChoice;
import be.fedauth.core.SettableClock;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two application nodes, each with its own {@link OidcProvider} and its own connection to one real
 * Redis, behind an imaginary load balancer, logging in against the testkit's fake FAS.
 */
class ClusterOidcLoginTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final SettableClock clock = SettableClock.fixed(Instant.parse("2026-03-02T09:00:00Z"));
    private final SealingKey sealingKey = SealingKey.generate("k1");
    private FakeFas fas;
    private Node nodeA;
    private Node nodeB;

    private record Node(OidcProvider provider, PendingLoginStore pending) {
    }

    @BeforeEach
    void start() {
        fas = FakeFas.builder().clock(clock).start();
        nodeA = node();
        nodeB = node();
    }

    @AfterEach
    void stop() {
        fas.close();
    }

    private Node node() {
        RedisStores stores = REDIS.stores(RedisSettings.builder(REDIS.uri()).keyPrefix("ncts").build(), clock,
                event -> { });
        OidcSettings settings = OidcSettings.builder(fas.oidcIssuer(), "fedauth-demo",
                        URI.create("http://127.0.0.1:8080/callback/oidc"),
                        ClientAuthentication.clientSecretBasic("fedauth-demo-secret"))
                .allowHttpForLoopback().clock(clock).replayCache(stores.replayCache()).build();
        return new Node(OidcProvider.create(settings),
                stores.pendingLoginStore(PendingLoginSealer.create(sealingKey, clock), RandomValues.secure()));
    }

    private CallbackRequest browser(LoginRedirect redirect) {
        return HeadlessLogin.against(fas).login(new LoginChoice("ncts-employee", DigitalKey.EID), redirect.redirect())
                .toCallbackRequest();
    }

    @Test
    void loginStartedOnOneNode_completesOnTheOther() {
        LoginRedirect redirect = nodeA.provider().startLogin(LoginRequest.builder().build());
        String handle = nodeA.pending().put(redirect.pendingLogin());
        CallbackRequest callback = browser(redirect);

        AuthenticatedUser user = nodeB.provider().finishLogin(callback, nodeB.pending().take(handle));

        assertThat(user.key()).isEqualTo(DigitalKey.EID);
        assertThat(user.roles()).isNotEmpty();
    }

    @Test
    void pendingLoginTakenOnOneNode_cannotBeTakenOnTheOther() {
        LoginRedirect redirect = nodeA.provider().startLogin(LoginRequest.builder().build());
        String handle = nodeA.pending().put(redirect.pendingLogin());
        nodeB.pending().take(handle);

        assertThatThrownBy(() -> nodeA.pending().take(handle))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.PENDING_LOGIN_NOT_FOUND);
    }

    @Test
    void callbackConsumedOnOneNode_isRefusedOnTheOther() {
        LoginRedirect redirect = nodeA.provider().startLogin(LoginRequest.builder().build());
        PendingLogin pending = redirect.pendingLogin();
        CallbackRequest callback = browser(redirect);
        nodeA.provider().finishLogin(callback, pending);

        // The login's state, marked used on node A in the shared cache, is refused on node B before the
        // code is redeemed again.
        assertThatThrownBy(() -> nodeB.provider().finishLogin(callback, pending))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.REPLAY_DETECTED);
    }
}
