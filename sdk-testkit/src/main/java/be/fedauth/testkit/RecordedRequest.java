package be.fedauth.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request the fake IdP received (admin API calls excluded), to assert what an application sent.
 *
 * @param method          HTTP method
 * @param path            path without query
 * @param queryParameters decoded query parameters
 * @param formParameters  decoded form body parameters
 * @param headers         headers (names case-insensitive)
 * @param body            body as text
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> queryParameters,
                              Map<String, List<String>> formParameters, Map<String, List<String>> headers,
                              String body) {
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        queryParameters = copy(queryParameters, new LinkedHashMap<>());
        formParameters = copy(formParameters, new LinkedHashMap<>());
        headers = copy(headers, new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
        Objects.requireNonNull(body, "body");
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> from, Map<String, List<String>> to) {
        from.forEach((k, v) -> to.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(to);
    }

    /** The first value of a query or form parameter. */
    public Optional<String> parameter(String name) {
        Objects.requireNonNull(name, "name");
        List<String> values = formParameters.containsKey(name) ? formParameters.get(name) : queryParameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(Objects.requireNonNull(name, "name"));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Whether this request went to {@code endpoint}. */
    public boolean isFor(Endpoint endpoint) {
        return path.equals(endpoint.path());
    }

    /** Method and path: parameters and body may hold codes, secrets and assertions. */
    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + "]";
    }
}
