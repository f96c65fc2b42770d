package be.fedauth.saml.internal;

/**
 * Untrusted values (from a message not yet verified, or from the metadata) made fit for an exception
 * message, which the servlet logs: cut to 200 characters, control characters replaced, so that a value
 * holding CR LF cannot forge a log line (OWASP log injection). As sdk-oidc's {@code Issuers.shown}.
 */
public final class Shown {
    private static final int MAX = 200;

    private Shown() {
    }

    /** The value cut and cleaned; {@code "(none)"} for null. */
    public static String value(String value) {
        if (value == null) {
            return "(none)";
        }
        String cut = value.length() > MAX ? value.substring(0, MAX) + "..." : value;
        // \p{Cntrl} is ASCII only; also replace the Unicode line and paragraph separators and bidi controls.
        return cut.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]", "?");
    }
}
