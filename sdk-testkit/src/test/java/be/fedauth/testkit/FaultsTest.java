package be.fedauth.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Faults per endpoint through WireMock, observed with java.net.http. */
class FaultsTest {
    @RegisterExtension
    static final FakeFasExtension FAS = FakeFasExtension.configured(b -> b.extraEndpoints(new TestProtocol()));

    private static URI json(FakeFas fas) {
        return URI.create(fas.baseUri() + "/test/json");
    }

    @Test
    void noFault_answersNormally(FakeFas fas) throws Exception {
        HttpResponse<String> response = Http.get(json(fas));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(TestProtocol.JSON);
    }

    @Test
    void statusFault_answersThatStatus(FakeFas fas) throws Exception {
        fas.injectFault("/test/json", EndpointFault.status(503));

        HttpResponse<String> response = Http.get(json(fas));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).doesNotContain("hello");
    }

    @Test
    void malformedBodyFault_cutsTheNormalBodyInHalf(FakeFas fas) throws Exception {
        fas.injectFault("/test/json", EndpointFault.malformedBody());

        HttpResponse<String> response = Http.get(json(fas));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(TestProtocol.JSON.substring(0, TestProtocol.JSON.length() / 2));
    }

    @Test
    void delayFault_answersAfterTheDelay_soAShortClientTimeoutExpires(FakeFas fas) {
        fas.injectFault("/test/json", EndpointFault.delay(Duration.ofSeconds(3)));

        assertThatThrownBy(() -> Http.get(json(fas), Duration.ofMillis(200))).isInstanceOf(HttpTimeoutException.class);
    }

    /** The faults that break the connection. */
    enum Broken {
        CONNECTION_RESET(EndpointFault::connectionReset),
        MALFORMED_CHUNK(EndpointFault::malformedChunk),
        EMPTY_RESPONSE(EndpointFault::emptyResponse),
        RANDOM_DATA_THEN_CLOSE(EndpointFault::randomDataThenClose);

        final Supplier<EndpointFault> fault;

        Broken(Supplier<EndpointFault> fault) {
            this.fault = fault;
        }
    }

    @ParameterizedTest
    @EnumSource(Broken.class)
    void connectionFault_failsTheClientWithAnIoError(Broken broken, FakeFas fas) {
        fas.injectFault("/test/json", broken.fault.get());

        assertThatThrownBy(() -> Http.get(json(fas))).isInstanceOf(IOException.class);
    }

    @Test
    void aFault_staysOnItsEndpoint(FakeFas fas) throws Exception {
        fas.injectFault(Endpoint.OIDC_TOKEN, EndpointFault.status(500));

        assertThat(Http.get(json(fas)).statusCode()).isEqualTo(200);
        assertThat(Http.post(fas.uri(Endpoint.OIDC_TOKEN), java.util.Map.of()).statusCode()).isEqualTo(500);
    }

    @Test
    void removingAFault_restoresTheEndpoint(FakeFas fas) throws Exception {
        fas.injectFault(Endpoint.OIDC_JWKS, EndpointFault.status(502));
        fas.removeFault(Endpoint.OIDC_JWKS);

        assertThat(Http.get(fas.uri(Endpoint.OIDC_JWKS)).statusCode()).isNotEqualTo(502);
        assertThat(fas.faults()).isEmpty();
    }

    @Test
    void aSecondFaultOnAnEndpoint_replacesTheFirst(FakeFas fas) throws Exception {
        fas.injectFault("/test/json", EndpointFault.status(502));
        fas.injectFault("/test/json", EndpointFault.status(504));

        assertThat(Http.get(json(fas)).statusCode()).isEqualTo(504);
        assertThat(fas.faults()).containsOnlyKeys("/test/json");
    }

    @Test
    void reset_clearsFaults(FakeFas fas) throws Exception {
        fas.injectFault("/test/json", EndpointFault.status(503));

        fas.reset();

        assertThat(Http.get(json(fas)).statusCode()).isEqualTo(200);
    }

    @Test
    void faultsOnTheAdminApi_areRefused(FakeFas fas) {
        assertThatThrownBy(() -> fas.injectFault("/testkit/admin/reset", EndpointFault.status(500)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void faultValues_areChecked() {
        assertThatThrownBy(() -> EndpointFault.status(200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EndpointFault.delay(Duration.ofMinutes(6))).isInstanceOf(IllegalArgumentException.class);
    }
}
