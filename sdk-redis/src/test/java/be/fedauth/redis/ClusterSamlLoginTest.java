package be.fedauth.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.CallbackRequest;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.ProviderId;
import be.fedauth.saml.IdpMetadataSource;
import be.fedauth.saml.SamlProvider;
import be.fedauth.saml.SamlSettings;
import be.fedauth.saml.SpKey;
import be.fedauth.saml.SpKeys;
import be.fedauth.testkit.DemoApplication;
import be.fedauth.testkit.FakeFas;
import be.fedauth.testkit.HeadlessLogin;
import be.fedauth.testkit.LoginChoice;
import be.fedauth.core.SettableClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two application nodes with their own {@link SamlProvider} and their own connection to
 * one real Redis: an assertion accepted by one node is refused by the other through the shared replay
 * cache, while nodes that each keep their own in-memory cache would both accept it.
 */
class ClusterSamlLoginTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final SettableClock clock = SettableClock.fixed(Instant.parse("2026-03-02T09:00:00Z"));
    private FakeFas fas;

    @BeforeEach
    void start() {
        fas = FakeFas.builder().clock(clock).start();
    }

    @AfterEach
    void stop() {
        fas.close();
    }

    private SamlProvider node(boolean sharedRedis) {
        IdpMetadataSource metadata = IdpMetadataSource.fromUrl(fas.samlMetadataUri(), fas.samlEntityId())
                .signedBy(fas.signingCertificate()).clock(clock).build();
        SamlSettings.Builder builder = SamlSettings.builder(ProviderId.of("fas-saml"),
                DemoApplication.SAML_ENTITY_ID, DemoApplication.SAML_ACS_URL,
                SpKeys.of(SpKey.of(DemoApplication.samlPrivateKey(), DemoApplication.samlCertificate())), metadata)
                .clock(clock);
        if (sharedRedis) {
            builder.replayCache(REDIS.stores(RedisSettings.builder(REDIS.uri()).keyPrefix("plda").build(), clock,
                    event -> { }).replayCache());
        }
        return SamlProvider.create(builder.build());
    }

    private CallbackRequest browser(LoginRedirect redirect) {
        return HeadlessLogin.against(fas).login(new LoginChoice("citizen", DigitalKey.EID), redirect.redirect())
                .toCallbackRequest();
    }

    @Test
    void assertionAcceptedOnOneNode_isRefusedOnTheOtherAsAReplay() {
        SamlProvider nodeA = node(true);
        SamlProvider nodeB = node(true);
        LoginRedirect redirect = nodeA.startLogin(LoginRequest.builder().build());
        CallbackRequest post = browser(redirect);
        assertThat(nodeA.finishLogin(post, redirect.pendingLogin()).key()).isEqualTo(DigitalKey.EID);

        assertThatThrownBy(() -> nodeB.finishLogin(post, redirect.pendingLogin()))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.REPLAY_DETECTED);
    }

    @Test
    void withoutTheSharedCache_theSecondNodeWouldAcceptTheReplay() {
        SamlProvider nodeA = node(false);
        SamlProvider nodeB = node(false);
        LoginRedirect redirect = nodeA.startLogin(LoginRequest.builder().build());
        CallbackRequest post = browser(redirect);
        nodeA.finishLogin(post, redirect.pendingLogin());

        assertThat(nodeB.finishLogin(post, redirect.pendingLogin()).key()).isEqualTo(DigitalKey.EID);
    }
}
