package be.fedauth.oidc.internal;

import be.fedauth.core.FedAuthException;

/**
 * A failure described for a log line: the messages along the cause chain, the exception class where
 * a message is null (a refused connection has none), control characters removed, at most 300
 * characters. Never "null".
 */
public final class Reasons {
    private Reasons() {
    }

    /** The message of a FedAuthException without the "code: " prefix its constructor adds. */
    static String bare(FedAuthException e) {
        String prefix = e.code().id() + ": ";
        String message = e.getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** The cleaned reason of this failure. */
    public static String of(Throwable failure) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 5; t = t.getCause() == t ? null : t.getCause(), depth++) {
            String message = t instanceof FedAuthException f ? bare(f) : t.getMessage();
            String part = message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
            if (out.indexOf(part) >= 0) {
                continue; // Wrappers often repeat their cause's message.
            }
            if (out.length() > 0) {
                out.append(": ");
            }
            out.append(part);
        }
        String clean = out.toString().replaceAll("[\\p{Cntrl}]", " ");
        return clean.length() > 300 ? clean.substring(0, 300) + "..." : clean;
    }
}
