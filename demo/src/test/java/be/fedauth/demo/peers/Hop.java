package be.fedauth.demo.peers;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Objects;

/**
 * One step a browser takes from one site to another: a GET of a URL (a redirect) or a POST of a
 * form (an auto-submitting page, as SAML's HTTP-POST binding uses). The demo's test browser hands
 * the step towards an identity provider to a peer's login helper, which hands back the step towards
 * the demo.
 *
 * @param uri where the browser goes
 * @param form the fields posted; empty for a GET
 * @param post whether the browser posts {@code form} (else it gets {@code uri})
 */
public record Hop(URI uri, Map<String, String> form, boolean post) {

    /** Validates and copies. */
    public Hop {
        Objects.requireNonNull(uri, "uri");
        form = Map.copyOf(form);
    }

    /** A redirect to {@code uri}. */
    public static Hop get(URI uri) {
        return new Hop(uri, Map.of(), false);
    }

    /** A form posted to {@code uri}. */
    public static Hop post(URI uri, Map<String, String> form) {
        return new Hop(uri, form, true);
    }

    /**
     * The step a response sends the browser on: its {@code Location} (302 or 303, resolved against
     * the request), or the form of a page that submits itself.
     *
     * @throws AssertionError when the response does neither, with the page's text
     */
    public static Hop from(HttpResponse<String> response) {
        URI at = response.request().uri();
        if (response.statusCode() == 302 || response.statusCode() == 303) {
            return get(at.resolve(response.headers().firstValue("Location")
                    .orElseThrow(() -> new AssertionError(response.statusCode() + " without Location from " + at))));
        }
        if (response.statusCode() == 200 && response.body().contains(".submit()")) {
            HtmlForm form = HtmlForm.first(response);
            return post(form.action(), form.fields());
        }
        throw new AssertionError("neither a redirect nor a self-submitting form from " + at + ": "
                + response.statusCode() + " " + HtmlForm.text(response.body()));
    }

    /** The URL without its query, for messages (the query may hold a SAML message or a code). */
    @Override
    public String toString() {
        return (post ? "POST " : "GET ") + uri.getScheme() + "://" + uri.getAuthority() + uri.getPath()
                + (post ? " " + form.keySet() : "");
    }
}
