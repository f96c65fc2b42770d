package be.fedauth.testkit;

import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.HttpRedirect;
import be.fedauth.core.IdpUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The headless login follows the fake's redirects and returns the callback, as a browser would reach it. */
class HeadlessLoginTest {
    @RegisterExtension
    static final FakeFasExtension FAS = FakeFasExtension.configured(b -> b.extraEndpoints(new TestProtocol()));

    private static URI authorize(FakeFas fas, String extra) {
        return URI.create(fas.baseUri() + "/test/authorize?redirect_uri=http://127.0.0.1:8080/callback/oidc&state=xyz" + extra);
    }

    @Test
    void login_redirectFlow_returnsTheRedirectUriAndItsParameters(FakeFas fas) {
        LoginCallback callback = HeadlessLogin.against(fas).login("citizen", DigitalKey.EID, authorize(fas, ""));

        assertThat(callback.method()).isEqualTo("GET");
        assertThat(callback.uri()).isEqualTo(URI.create("http://127.0.0.1:8080/callback/oidc"));
        assertThat(callback.parameter("person")).contains("citizen");
        assertThat(callback.parameter("state")).contains("xyz");
    }

    @Test
    void login_autoPostFlow_returnsTheFormActionAndFields(FakeFas fas) {
        LoginCallback callback = HeadlessLogin.against(fas).login("ncts-employee", DigitalKey.EID,
                authorize(fas, "&post=true"));

        assertThat(callback.method()).isEqualTo("POST");
        assertThat(callback.uri()).isEqualTo(URI.create("http://127.0.0.1:8080/callback/oidc"));
        assertThat(callback.toCallbackRequest().single("person")).contains("ncts-employee");
        assertThat(callback.parameter("roles")).contains("1");
    }

    @Test
    void login_postBindingRequest_isPostedToTheFake(FakeFas fas) {
        HttpRedirect request = HttpRedirect.post(URI.create(fas.baseUri() + "/test/authorize"),
                Map.of("redirect_uri", "http://127.0.0.1:8080/callback/saml", "state", "relay"));

        LoginCallback callback = HeadlessLogin.against(fas).login(new LoginChoice("citizen", DigitalKey.ITSME), request);

        assertThat(callback.uri()).isEqualTo(URI.create("http://127.0.0.1:8080/callback/saml"));
        assertThat(callback.parameter("key")).contains("ITSME");
    }

    @Test
    void login_refusedByTheRules_returnsTheErrorCallback(FakeFas fas) {
        LoginCallback callback = HeadlessLogin.against(fas).login("citizen", DigitalKey.PASSWORD, authorize(fas, ""));

        assertThat(callback.parameter("error")).contains("access_denied");
    }

    @Test
    void login_restoresThePreviousPreselection(FakeFas fas) {
        fas.preselectLogin("local-manager", DigitalKey.ITSME);

        HeadlessLogin.against(fas).login("citizen", DigitalKey.EID, authorize(fas, ""));

        assertThat(fas.preselectedLogin()).contains(new LoginChoice("local-manager", DigitalKey.ITSME));
    }

    @Test
    void login_throughTheAdminApi_worksAgainstARemoteFake(FakeFas fas) {
        LoginCallback callback = HeadlessLogin.against(fas.baseUri()).login("mandate-holder", DigitalKey.EID,
                authorize(fas, ""));

        assertThat(callback.parameter("mandates")).contains("1");
        assertThat(fas.preselectedLogin()).isEmpty();
    }

    @Test
    void login_whenTheFakeCannotBeReached_failsWithIdpUnavailable() {
        URI closed;
        try (FakeFas gone = FakeFas.builder().start()) {
            closed = gone.baseUri();
        }

        assertThatThrownBy(() -> HeadlessLogin.against(closed).login("citizen", DigitalKey.EID, URI.create(closed + "/x")))
                .isInstanceOfSatisfying(IdpUnavailableException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.IDP_UNAVAILABLE));
    }

    @Test
    void login_whenTheFakeAnswersAnError_failsWithTheStatus(FakeFas fas) {
        fas.injectFault("/test/authorize", EndpointFault.status(503));

        assertThatThrownBy(() -> HeadlessLogin.against(fas).login("citizen", DigitalKey.EID, authorize(fas, "")))
                .isInstanceOfSatisfying(IdpUnavailableException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.IDP_INVALID_RESPONSE));
    }
}
