package be.fedauth.core.internal.http;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.IdpUnavailableException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way the protocol modules talk to an identity provider over HTTP: JDK HTTP client, HTTP/1.1,
 * a connect timeout, a deadline on the whole exchange including the last byte of the body, no
 * redirects followed, response bodies capped. Failures become {@link IdpUnavailableException}:
 * {@code idp_unavailable} for a timeout or a transport failure, {@code idp_invalid_response} for a
 * body above the cap. Internal: exported only to sdk-oidc and sdk-saml. Thread-safe.
 */
public final class BoundedHttp {
    private final HttpClient client;
    private final Duration readTimeout;
    private final Duration deadline;
    private final int maxBytes;

    /**
     * A client with these limits.
     *
     * @param connectTimeout the longest wait for the connection
     * @param readTimeout the longest wait for the response headers once the request is sent
     * @param deadline the longest a whole call may take (connecting, sending, headers and the whole body)
     * @param maxBytes the largest body read; one byte more fails the call
     */
    public BoundedHttp(Duration connectTimeout, Duration readTimeout, Duration deadline, int maxBytes) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.maxBytes = maxBytes;
    }

    /** A response: status, content type (lower case, without parameters) and the raw body. */
    public record Response(int status, String contentType, byte[] body) {
        /** Validates. */
        public Response {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
        }

        /** Whether the status is 2xx. */
        public boolean ok() {
            return status / 100 == 2;
        }

        /** The body as UTF-8 text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * A GET with these headers.
     *
     * @param what what is fetched, for messages ("discovery", "SAML metadata")
     * @throws IdpUnavailableException {@code idp_unavailable} or {@code idp_invalid_response}
     */
    public Response get(URI uri, Map<String, String> headers, String what) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(readTimeout).GET();
        headers.forEach(b::header);
        return send(b.build(), what);
    }

    /**
     * A POST of a form body with these headers.
     *
     * @throws IdpUnavailableException {@code idp_unavailable} or {@code idp_invalid_response}
     */
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
        type = (semi >= 0 ? type.substring(0, semi) : type).trim().toLowerCase(Locale.ROOT);
        return new Response(response.statusCode(), type, response.body());
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
}
