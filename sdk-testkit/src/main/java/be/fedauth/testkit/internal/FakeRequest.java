package be.fedauth.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request received by the fake IdP, as the protocol endpoints see it.
 *
 * @param method          upper-case HTTP method
 * @param path            the decoded path, without query ({@code /fas/oauth2/authorize})
 * @param queryParameters decoded query parameters, in order, multi-valued
 * @param formParameters  decoded {@code application/x-www-form-urlencoded} body parameters, multi-valued
 * @param headers         headers, looked up case-insensitively
 * @param body            the raw body (empty when none)
 */
public record FakeRequest(String method, String path, Map<String, List<String>> queryParameters,
                          Map<String, List<String>> formParameters, Map<String, List<String>> headers, byte[] body) {
    public FakeRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        queryParameters = copy(queryParameters);
        formParameters = copy(formParameters);
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        headers = Collections.unmodifiableMap(h);
        body = body.clone();
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> map) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    /** The first value of a header (name case-insensitive). */
    public Optional<String> header(String name) {
        return first(headers.get(Objects.requireNonNull(name, "name")));
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParameter(String name) {
        return first(queryParameters.get(Objects.requireNonNull(name, "name")));
    }

    /** The first value of a form parameter. */
    public Optional<String> formParameter(String name) {
        return first(formParameters.get(Objects.requireNonNull(name, "name")));
    }

    /** The first value of a parameter: from the form for POST, else from the query. */
    public Optional<String> parameter(String name) {
        return "POST".equals(method) ? formParameter(name).or(() -> queryParameter(name)) : queryParameter(name);
    }

    /** How many times a parameter appears (query and form), to reject repeated OAuth parameters (RFC 6749 3.1). */
    public int parameterCount(String name) {
        return queryParameters.getOrDefault(name, List.of()).size() + formParameters.getOrDefault(name, List.of()).size();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A copy of the raw body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    private static Optional<String> first(List<String> values) {
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** Method and path only: parameters and body may hold codes, tokens and assertions. */
    @Override
    public String toString() {
        return "FakeRequest[" + method + " " + path + "]";
    }
}
