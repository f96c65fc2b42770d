package be.fedauth.oidc.internal;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.IdpUnavailableException;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The one way sdk-oidc talks to the identity provider: JDK HTTP client, connect and read timeouts, no
 * redirects followed, response bodies capped. Failures become {@link IdpUnavailableException}.
 * Thread-safe.
 */
public final class HttpTransport implements ResourceRetriever {
    private final HttpClient client;
    private final Duration readTimeout;
    private final int maxBytes;

    /** A transport with these limits. */
    public HttpTransport(Duration connectTimeout, Duration readTimeout, int maxBytes) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        this.maxBytes = maxBytes;
    }

    /** A response: status, content type (lower case, without parameters) and body. */
    public record Response(int status, String contentType, String body) {
        /** Whether the status is 2xx. */
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /** A GET with these headers. */
    public Response get(URI uri, Map<String, String> headers, String what) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(readTimeout).GET();
        headers.forEach(b::header);
        return send(b.build(), what);
    }

    /** A POST of a form body with these headers. */
    public Response postForm(URI uri, String formBody, Map<String, String> headers, String what) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(readTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(formBody, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return send(b.build(), what);
    }

    private Response send(HttpRequest request, String what) {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(maxBytes + 1);
            }
            if (body.length > maxBytes) {
                throw new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE,
                        "the " + what + " response is larger than " + maxBytes + " bytes");
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            int semi = type.indexOf(';');
            type = (semi >= 0 ? type.substring(0, semi) : type).trim().toLowerCase(java.util.Locale.ROOT);
            return new Response(response.statusCode(), type, new String(body, StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new IdpUnavailableException(ErrorCode.IDP_UNAVAILABLE, "the " + what + " request timed out", e);
        } catch (IOException e) {
            throw new IdpUnavailableException(ErrorCode.IDP_UNAVAILABLE, "the " + what + " request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdpUnavailableException(ErrorCode.IDP_UNAVAILABLE, "interrupted during the " + what + " request", e);
        }
    }

    /** For Nimbus's JWK source: the JWKS document, IO failures as {@link IOException}. */
    @Override
    public Resource retrieveResource(URL url) throws IOException {
        Response response;
        try {
            response = get(url.toURI(), Map.of("Accept", "application/json, application/jwk-set+json"), "JWKS");
        } catch (IdpUnavailableException e) {
            throw new IOException(e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IOException("bad JWKS URL", e);
        }
        if (!response.ok()) {
            throw new IOException("the JWKS endpoint answered HTTP " + response.status());
        }
        return new Resource(response.body(), response.contentType());
    }
}
