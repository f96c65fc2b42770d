package be.fedauth.servlet.internal;

import java.util.Optional;

/**
 * Checks that a path can only lead back into this application: the defence against open redirects
 * (OWASP Unvalidated Redirects and Forwards). A browser reads {@code //host}, {@code /\host} and
 * paths with tabs or new lines removed as another host, so all of those are refused.
 *
 * <p>A local path is also normalised the way the container will see it, so that what the filter
 * checks (is it one of its endpoints?) is what the container serves: percent-escapes of unreserved
 * characters are decoded (RFC 3986 section 6.2.2.2: {@code /%6cogout} is {@code /logout}), and a
 * path whose segments then include {@code .} or {@code ..} (RFC 3986 section 5.2.4: {@code /../x},
 * {@code /%2e%2e/x}, {@code /a/./b}), an empty segment, a path parameter ({@code ;}), an encoded
 * slash or backslash, or a malformed escape is refused rather than resolved.
 */
public final class LocalPaths {
    private static final int MAX_LENGTH = 512;
    private static final String HEX = "0123456789ABCDEF";

    private LocalPaths() {
    }

    /** The path, normalised, when it is local to this application, else empty. */
    public static Optional<String> local(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (candidate.charAt(0) != '/' || candidate.startsWith("//")) {
            return Optional.empty();
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            // Control characters, space, backslash and non-ASCII: browsers strip or reinterpret them (WHATWG URL).
            if (c < 0x21 || c == 0x7f || c == '\\' || c > 0x7e) {
                return Optional.empty();
            }
        }
        int end = firstOf(candidate, '?', '#');
        Optional<String> path = normalisedPath(candidate.substring(0, end));
        return path.map(p -> p + candidate.substring(end));
    }

    /** The path part with unreserved escapes decoded; empty when it has a segment the container would resolve or strip. */
    private static Optional<String> normalisedPath(String raw) {
        StringBuilder path = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                path.append(c);
                continue;
            }
            if (i + 2 >= raw.length() || HEX.indexOf(Character.toUpperCase(raw.charAt(i + 1))) < 0
                    || HEX.indexOf(Character.toUpperCase(raw.charAt(i + 2))) < 0) {
                return Optional.empty();
            }
            char decoded = (char) Integer.parseInt(raw.substring(i + 1, i + 3), 16);
            if (decoded == '/' || decoded == '\\' || decoded == ';' || decoded < 0x20 || decoded == 0x7f) {
                // An encoded separator or control: containers differ on it; never needed in a return path.
                return Optional.empty();
            }
            if (decoded < 0x80 && (Character.isLetterOrDigit(decoded) || "-._~".indexOf(decoded) >= 0)) {
                path.append(decoded);
            } else {
                path.append('%').append(Character.toUpperCase(raw.charAt(i + 1))).append(Character.toUpperCase(raw.charAt(i + 2)));
            }
            i += 2;
        }
        String normalised = path.toString();
        if (normalised.indexOf(';') >= 0) {
            return Optional.empty();
        }
        String[] segments = normalised.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".") || segment.equals("..") || (segment.isEmpty() && !last)) {
                return Optional.empty();
            }
        }
        return Optional.of(normalised);
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j < 0 ? s.length() : j;
        }
        return j < 0 ? i : Math.min(i, j);
    }

    /**
     * Validates a path from configuration: local and already normalised (no escape of an unreserved
     * character), no query, no dot segments, no trailing slash (except the root).
     *
     * @throws IllegalArgumentException when it is not such a path
     */
    public static String configured(String path, String what) {
        if (!local(path).equals(Optional.of(path)) || path.contains("?") || path.contains("#") || path.contains("/./")
                || path.contains("/../") || path.endsWith("/..") || path.endsWith("/.")
                || (path.length() > 1 && path.endsWith("/"))) {
            throw new IllegalArgumentException(what + " must be a local path such as /login, not " + path);
        }
        return path;
    }

    /** Whether {@code path} is {@code prefix} or below it. */
    public static boolean isUnder(String path, String prefix) {
        if (prefix.equals("/")) {
            return true;
        }
        return path.equals(prefix) || (path.startsWith(prefix) && path.charAt(prefix.length()) == '/');
    }
}
