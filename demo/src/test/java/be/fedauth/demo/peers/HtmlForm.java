package be.fedauth.demo.peers;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first form of an identity provider's page, read as a browser would before submitting it: its
 * action (resolved against the page; a form without one posts back to the page) and the inputs
 * that have a name and a value. Enough for the login pages of Keycloak, mock-oauth2-server and the
 * samlify IdP, not a general HTML parser.
 *
 * @param action where the form posts
 * @param fields the inputs with a name and a value, in page order
 */
public record HtmlForm(URI action, Map<String, String> fields) {
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)=\"([^\"]*)\"");

    /** Copies. */
    public HtmlForm {
        fields = Map.copyOf(fields);
    }

    /**
     * The first form of the page.
     *
     * @throws AssertionError when the page has no form, with the page's text
     */
    public static HtmlForm first(HttpResponse<String> page) {
        Matcher form = FORM.matcher(page.body());
        if (!form.find()) {
            throw new AssertionError("no form at " + page.request().uri().getPath() + " (" + page.statusCode() + "): "
                    + text(page.body()));
        }
        String action = unescape(attributes(form.group(1)).getOrDefault("action", ""));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form.group(2));
        while (input.find()) {
            Map<String, String> attributes = attributes(input.group(1));
            if (attributes.containsKey("name") && attributes.containsKey("value")) {
                fields.put(unescape(attributes.get("name")), unescape(attributes.get("value")));
            }
        }
        // java.net.URI resolves an empty reference to the base's directory, not to the base (RFC 2396).
        URI target = action.isEmpty() ? page.request().uri() : page.request().uri().resolve(action);
        return new HtmlForm(target, fields);
    }

    /** These fields with {@code more} added or replaced. */
    public Map<String, String> with(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putAll(more);
        return all;
    }

    /** A page's visible text, shortened, for failure messages. */
    static String text(String html) {
        String text = html.replaceAll("(?s)<(script|style).*?</\\1>", " ").replaceAll("<[^>]*>", " ")
                .replaceAll("\\s+", " ").trim();
        return text.substring(0, Math.min(text.length(), 600));
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) {
            out.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2));
        }
        return out;
    }

    private static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&#x3d;", "=").replace("&#61;", "=").replace("&#39;", "'")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
