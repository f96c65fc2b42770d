package be.fedauth.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The browser's request back from the identity provider, framework-neutral: the HTTP method and the
 * query or form parameters, plus the full URL it arrived at when the protocol checks it.
 *
 * @param method "GET" or "POST"
 * @param parameters each parameter with all its values, in arrival order
 */
public record CallbackRequest(String method, Map<String, List<String>> parameters) {
    /** Longest value accepted for one parameter (a SAML response is rarely above 100 kB). */
    public static final int MAX_PARAMETER_LENGTH = 512 * 1024;

    /** Validates and copies. */
    public CallbackRequest {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        parameters.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "parameter name"), List.copyOf(v)));
        parameters = java.util.Collections.unmodifiableMap(copy);
    }

    /** A GET with single-valued parameters. */
    public static CallbackRequest get(Map<String, String> parameters) {
        return of("GET", parameters);
    }

    /** A POST with single-valued parameters. */
    public static CallbackRequest post(Map<String, String> parameters) {
        return of("POST", parameters);
    }

    private static CallbackRequest of(String method, Map<String, String> parameters) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        parameters.forEach((k, v) -> multi.put(k, List.of(v)));
        return new CallbackRequest(method, multi);
    }

    /**
     * The one value of a parameter, or empty when absent.
     *
     * @throws AuthenticationException {@link ErrorCode#MALFORMED_CALLBACK} when it is repeated (a
     *     parameter-pollution attempt) or longer than {@link #MAX_PARAMETER_LENGTH}
     */
    public Optional<String> single(String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "parameter '" + name + "' is repeated");
        }
        String value = values.get(0);
        if (value.length() > MAX_PARAMETER_LENGTH) {
            throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "parameter '" + name + "' is too long");
        }
        return Optional.of(value);
    }

    /**
     * The one value of a required parameter.
     *
     * @throws AuthenticationException {@link ErrorCode#MALFORMED_CALLBACK} when absent, repeated or too long
     */
    public String required(String name) {
        return single(name).orElseThrow(() ->
                new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "parameter '" + name + "' is missing"));
    }

    /** Parameter names only: values may be codes or assertions. */
    @Override
    public String toString() {
        return "CallbackRequest[" + method + ", parameters=" + parameters.keySet() + "]";
    }
}
