package be.fedauth.testkit.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code application/x-www-form-urlencoded} coding of queries and form bodies. */
public final class HttpForms {
    private HttpForms() {
    }

    /** Decodes {@code a=1&b=2&a=3} (null or empty: no parameters). */
    public static Map<String, List<String>> decode(String encoded) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return result;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeOne(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeOne(pair.substring(eq + 1));
            result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return result;
    }

    /** Encodes single-valued parameters, in order. */
    public static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> encodeOne(e.getKey()) + "=" + encodeOne(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** Encodes one value. */
    public static String encodeOne(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decodeOne(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value; // a malformed escape is kept as sent: the endpoint rejects the value itself
        }
    }

    /** An unmodifiable copy with unmodifiable value lists. */
    public static Map<String, List<String>> frozen(Map<String, List<String>> parameters) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        parameters.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }
}
