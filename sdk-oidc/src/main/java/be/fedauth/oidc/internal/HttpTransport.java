package be.fedauth.oidc.internal;

import be.fedauth.core.IdpUnavailableException;
import be.fedauth.core.internal.http.BoundedHttp;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The one way sdk-oidc talks to the identity provider: sdk-core's {@link BoundedHttp} (JDK HTTP client,
 * a connect timeout and a deadline on the whole exchange including the body, no redirects followed,
 * response bodies capped), with the deadline at the connect plus the read timeout. Failures become
 * {@link IdpUnavailableException}. Thread-safe.
 */
public final class HttpTransport implements ResourceRetriever {
    private final BoundedHttp http;

    /**
     * A transport with these limits: connecting takes at most {@code connectTimeout}, and a whole call
     * (connecting, sending, the headers and the last byte of the body) at most {@code connectTimeout}
     * plus {@code readTimeout}.
     */
    public HttpTransport(Duration connectTimeout, Duration readTimeout, int maxBytes) {
        Objects.requireNonNull(readTimeout, "readTimeout");
        this.http = new BoundedHttp(connectTimeout, readTimeout, connectTimeout.plus(readTimeout), maxBytes);
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
        return text(http.get(uri, headers, what));
    }

    /** A POST of a form body with these headers. */
    public Response postForm(URI uri, String formBody, Map<String, String> headers, String what) {
        return text(http.postForm(uri, formBody, headers, what));
    }

    private static Response text(BoundedHttp.Response response) {
        return new Response(response.status(), response.contentType(), response.text());
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
