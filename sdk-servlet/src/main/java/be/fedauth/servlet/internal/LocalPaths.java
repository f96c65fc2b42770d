package be.fedauth.servlet.internal;

import java.util.Optional;

/**
 * Checks that a path can only lead back into this application: the defence against open redirects
 * (OWASP Unvalidated Redirects and Forwards). A browser reads {@code //host}, {@code /\host} and
 * paths with tabs or new lines removed as another host, so all of those are refused.
 */
public final class LocalPaths {
    private static final int MAX_LENGTH = 512;

    private LocalPaths() {
    }

    /** The path when it is local to this application, else empty. */
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
        String lower = candidate.toLowerCase(java.util.Locale.ROOT);
        // An encoded slash or backslash right after the first one is decoded by some proxies into "//".
        if (lower.startsWith("/%2f") || lower.startsWith("/%5c")) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }

    /**
     * Validates a path from configuration: local, no query, no dot segments, no trailing slash
     * (except the root).
     *
     * @throws IllegalArgumentException when it is not such a path
     */
    public static String configured(String path, String what) {
        if (local(path).isEmpty() || path.contains("?") || path.contains("#") || path.contains("/./")
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
