package be.fedauth.testkit.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A response of the fake IdP, before WireMock applies faults to it.
 *
 * @param status  HTTP status
 * @param headers response headers (one value each), in order
 * @param body    body bytes
 */
public record FakeResponse(int status, Map<String, String> headers, byte[] body) {
    public FakeResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("no HTTP status " + status);
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body.clone();
    }

    /** A response with a text body of this content type. */
    public static FakeResponse of(int status, String contentType, String body) {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        return new FakeResponse(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }

    /** 200 with a JSON body. */
    public static FakeResponse json(String json) {
        return json(200, json);
    }

    /** A JSON body with this status (OAuth errors are 400 or 401 with JSON). */
    public static FakeResponse json(int status, String json) {
        return of(status, "application/json;charset=UTF-8", json).withHeader("Cache-Control", "no-store");
    }

    /** 200 with an HTML page. */
    public static FakeResponse html(String html) {
        return html(200, html);
    }

    /** An HTML page with this status. */
    public static FakeResponse html(int status, String html) {
        return of(status, "text/html;charset=UTF-8", html).withHeader("Cache-Control", "no-store");
    }

    /** A plain-text body with this status. */
    public static FakeResponse text(int status, String text) {
        return of(status, "text/plain;charset=UTF-8", text);
    }

    /** 200 with an XML body (SAML metadata). */
    public static FakeResponse xml(String xml) {
        return of(200, "application/samlmetadata+xml;charset=UTF-8", xml);
    }

    /** An XML body with this status and content type. */
    public static FakeResponse xml(int status, String contentType, String xml) {
        return of(status, contentType, xml);
    }

    /** A 302 redirect to {@code location}. */
    public static FakeResponse redirect(URI location) {
        return redirect(Objects.requireNonNull(location, "location").toString());
    }

    /** A 302 redirect to {@code location}. */
    public static FakeResponse redirect(String location) {
        Objects.requireNonNull(location, "location");
        return new FakeResponse(302, Map.of("Location", location, "Cache-Control", "no-store"), new byte[0]);
    }

    /** A copy with one more header (or a header replaced). */
    public FakeResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new FakeResponse(status, copy, body);
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A copy of the body bytes. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** Status and headers only: the body may hold tokens. */
    @Override
    public String toString() {
        return "FakeResponse[" + status + " " + headers + "]";
    }
}
