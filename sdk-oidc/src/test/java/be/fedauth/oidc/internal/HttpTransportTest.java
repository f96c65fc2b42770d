package be.fedauth.oidc.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HttpTransportTest {
    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final HttpTransport http = new HttpTransport(Duration.ofSeconds(2), Duration.ofSeconds(2), 2048);

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void get_aBodyAboveTheLimit_failsWithIdpInvalidResponse() {
        server.stubFor(get("/big").willReturn(aResponse().withBody("x".repeat(2049))));

        assertThatThrownBy(() -> http.get(URI.create(server.baseUrl() + "/big"), Map.of(), "test"))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.IDP_INVALID_RESPONSE);
    }

    @Test
    void get_aBodyAtTheLimit_isRead_withItsContentTypeWithoutParameters() {
        server.stubFor(get("/ok").willReturn(aResponse().withHeader("Content-Type", "application/JSON; charset=utf-8")
                .withBody("y".repeat(2048))));

        HttpTransport.Response r = http.get(URI.create(server.baseUrl() + "/ok"), Map.of(), "test");

        assertThat(r.body()).hasSize(2048);
        assertThat(r.contentType()).isEqualTo("application/json");
    }

    @Test
    void get_aRedirect_isNotFollowed() {
        server.stubFor(get("/moved").willReturn(aResponse().withStatus(302).withHeader("Location", "https://elsewhere.example/")));

        assertThat(http.get(URI.create(server.baseUrl() + "/moved"), Map.of(), "test").status()).isEqualTo(302);
    }

    @Test
    void get_nothingListening_failsWithIdpUnavailable() {
        int port = server.port();
        server.stop();

        assertThatThrownBy(() -> http.get(URI.create("http://127.0.0.1:" + port + "/x"), Map.of(), "test"))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.IDP_UNAVAILABLE);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // Turns a hang into a failure; no timing check.
    void get_headersThenABodyThatStalls_failsWithIdpUnavailable() throws Exception {
        HttpTransport quick = new HttpTransport(Duration.ofMillis(500), Duration.ofMillis(500), 2048);
        try (StallingServer stalling = new StallingServer()) {

            assertThatThrownBy(() -> quick.get(stalling.uri("/stalls"), Map.of(), "test"))
                    .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.IDP_UNAVAILABLE);
        }
    }

    @Test
    void postForm_aBodyAboveTheLimit_failsWithIdpInvalidResponse() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/big")
                .willReturn(aResponse().withBody("z".repeat(5000))));

        assertThatThrownBy(() -> http.postForm(URI.create(server.baseUrl() + "/big"), "a=b", Map.of(), "test"))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.IDP_INVALID_RESPONSE);
    }
}
