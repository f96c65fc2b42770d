package be.fedauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 point 6: requests to the filter's endpoints whose parameters the container cannot read
 * (a body over its limit, too many fields, a bad percent-escape) get fedauth's refusal page with a
 * {@code FedAuth-Error} code and 400, never the container's bare 400. Real HTTP to a real Jetty 12,
 * written byte by byte so that malformed escapes reach the server as sent.
 */
class MalformedRequestTest {
    private final Fixture fixture = new Fixture();
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
    void point6_callbackBodyOverTheContainersLimit_getsTheRefusalPage() throws IOException {
        // Jetty's default maxFormContentSize is 200 000 bytes.
        String body = "SAMLResponse=" + "A".repeat(300_000) + "&RelayState=x";

        assertRefused(post("/callback/saml", body), "malformed_callback");
    }

    @Test
    void point6_callbackWithMoreThan1000FormFields_getsTheRefusalPage() throws IOException {
        StringBuilder body = new StringBuilder("SAMLResponse=x");
        for (int i = 0; i < 1_001; i++) {
            body.append("&f").append(i).append("=1");
        }

        assertRefused(post("/callback/saml", body.toString()), "malformed_callback");
    }

    @Test
    void point6_callbackWithMoreThan1000QueryFields_getsTheRefusalPage() throws IOException {
        StringBuilder query = new StringBuilder("code=x&state=y");
        for (int i = 0; i < 1_001; i++) {
            query.append("&f").append(i).append("=1");
        }

        assertRefused(get("/callback/oidc?" + query), "malformed_callback");
    }

    @Test
    void point6_callbackWithABadPercentEscapeInTheQuery_getsTheRefusalPage() throws IOException {
        assertRefused(get("/callback/oidc?code=%zz&state=y"), "malformed_callback");
    }

    @Test
    void point6_callbackWithABadPercentEscapeInTheBody_getsTheRefusalPage() throws IOException {
        assertRefused(post("/callback/saml", "SAMLResponse=%zz&RelayState=x"), "malformed_callback");
    }

    @Test
    void point6_loginWithABadPercentEscape_getsTheRefusalPage() throws IOException {
        assertRefused(get("/login?service=%zz"), "login_request_invalid");
    }

    @Test
    void point6_refusalPage_isInTheLanguageOfAcceptLanguage() throws IOException {
        Answer answer = send("GET /callback/oidc?code=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: nl\r\n"
                + "Connection: close\r\n\r\n", "");

        assertRefused(answer, "malformed_callback");
        assertThat(answer.headers()).containsEntry("content-language", "nl");
    }

    private static void assertRefused(Answer answer, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers()).containsEntry("fedauth-error", code);
        assertThat(answer.body()).contains("<code>" + code + "</code>").contains("02 579 33 33");
    }

    private Answer get(String target) throws IOException {
        return send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", "");
    }

    private Answer post(String target, String body) throws IOException {
        return send("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.US_ASCII).length + "\r\nConnection: close\r\n\r\n", body);
    }

    private Answer send(String head, String body) throws IOException {
        URI base = portal.base();
        try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(body.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedEarly) {
                // The server may answer and close before reading a body it refuses; read its answer.
            }
            return Answer.parse(readAll(socket.getInputStream()));
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            // A reset after the answer (the server closing on an unread body): keep what arrived.
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** An HTTP/1.1 answer: status, headers (lower-case names, first value), body. */
    private record Answer(int status, Map<String, String> headers, String body) {
        static Answer parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            String[] lines = raw.substring(0, end < 0 ? raw.length() : end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            return new Answer(status, headers, end < 0 ? "" : raw.substring(end + 4));
        }
    }
}
