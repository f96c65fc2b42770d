package be.fedauth.core.internal.html;

/**
 * The one HTML escaper of fedauth, for text and attribute values (OWASP XSS rules #1 and #2: the five
 * significant characters). Not API: exported only to the modules that render pages.
 */
public final class Html {
    private Html() {
    }

    /** The text with {@code & < > " '} replaced by character references; safe in text and quoted attributes. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
