package be.fedauth.testkit;

import be.fedauth.testkit.internal.HttpForms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A small java.net.http client for the tests: no redirects followed, form posts. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(URI uri, Duration timeout) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(URI uri, Map<String, String> form) throws IOException, InterruptedException {
        return send("POST", uri, form);
    }

    static HttpResponse<String> delete(URI uri) throws IOException, InterruptedException {
        return send("DELETE", uri, Map.of());
    }

    static HttpResponse<String> send(String method, URI uri, Map<String, String> form)
            throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(HttpForms.encode(form))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The query parameters of the Location of a redirect. */
    static Map<String, List<String>> locationQuery(HttpResponse<String> response) {
        return HttpForms.decode(URI.create(response.headers().firstValue("Location").orElseThrow()).getRawQuery());
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }
}
