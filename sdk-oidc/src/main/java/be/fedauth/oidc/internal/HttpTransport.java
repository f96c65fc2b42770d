package be.fedauth.oidc.internal;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.IdpUnavailableException;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way sdk-oidc talks to the identity provider: JDK HTTP client, a connect timeout and a
 * deadline on the whole exchange including the body, no redirects followed, response bodies capped.
 * Failures become {@link IdpUnavailableException}. Thread-safe.
 */
public final class HttpTransport implements ResourceRetriever {
    private final HttpClient client;
    private final Duration readTimeout;
    private final Duration deadline;
    private final int maxBytes;

    /**
     * A transport with these limits: connecting takes at most {@code connectTimeout}, and a whole call
     * (connecting, sending, the headers and the last byte of the body) at most {@code connectTimeout}
     * plus {@code readTimeout}.
     */
    public HttpTransport(Duration connectTimeout, Duration readTimeout, int maxBytes) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        this.deadline = connectTimeout.plus(readTimeout);
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
        CappedBody body = new CappedBody(maxBytes);
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> body);
        HttpResponse<byte[]> response;
        try {
            // HttpRequest.timeout stops counting once the headers are in: this deadline also covers the
            // body, so a server that sends headers and then trickles (or stalls) the body pins no thread.
            response = exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abort(exchange, body);
            throw new IdpUnavailableException(ErrorCode.IDP_UNAVAILABLE, "the " + what + " request timed out", e);
        } catch (InterruptedException e) {
            abort(exchange, body);
            Thread.currentThread().interrupt();
            throw new IdpUnavailableException(ErrorCode.IDP_UNAVAILABLE, "interrupted during the " + what + " request", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (causedByTooLarge(cause)) {
                throw new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE,
                        "the " + what + " response is larger than " + maxBytes + " bytes", cause);
            }
            throw new IdpUnavailableException(ErrorCode.IDP_UNAVAILABLE, "the " + what
                    + (cause instanceof HttpTimeoutException ? " request timed out" : " request failed"), cause);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        int semi = type.indexOf(';');
        type = (semi >= 0 ? type.substring(0, semi) : type).trim().toLowerCase(java.util.Locale.ROOT);
        return new Response(response.statusCode(), type, new String(response.body(), StandardCharsets.UTF_8));
    }

    private static boolean causedByTooLarge(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CappedBody.TooLarge) {
                return true;
            }
        }
        return false;
    }

    /** Stops a late exchange: the body subscription is cancelled, which closes the connection. */
    private static void abort(CompletableFuture<?> exchange, CappedBody body) {
        body.cancel();
        exchange.cancel(true);
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
