package be.fedauth.servlet.internal;

import be.fedauth.core.internal.html.Html;
import be.fedauth.core.EService;
import be.fedauth.core.Guidance;
import be.fedauth.core.Helpdesk;
import be.fedauth.core.Language;
import be.fedauth.core.spi.RandomValues;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pages the filter writes itself: a refusal (login failed or access denied) with the guidance
 * and helpdesk in the user's language, and the auto-submitting forms of the SAML POST binding. Every
 * value is HTML-escaped; each page carries a Content-Security-Policy that allows no script except
 * the one auto-submit script, identified by a fresh nonce (CSP Level 3, section 6.7.2.3).
 */
public final class Pages {
    /** The response header that names the {@code ErrorCode} of a refusal, for logs and tests. */
    public static final String ERROR_HEADER = "FedAuth-Error";
    private static final String STRICT_CSP = "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final RandomValues random;

    /** Pages whose script nonces come from {@code random}. */
    public Pages(RandomValues random) {
        this.random = random;
    }

    /**
     * Writes a refusal page.
     *
     * @param status the HTTP status (400, 403, 502...)
     * @param denied whether access to an e-service was denied (else a login failed)
     * @param eService the e-service concerned, if known
     * @param retry where to start a login again, if it makes sense
     */
    public void refusal(HttpServletResponse response, int status, boolean denied, Guidance guidance,
                        Optional<EService> eService, Optional<String> retry) throws IOException {
        refusal(response, status, denied ? Labels.ACCESS_DENIED : Labels.LOGIN_FAILED, guidance, eService, retry);
    }

    /** Writes the refusal page of a logout message from the identity provider that failed its checks. */
    public void logoutRefusal(HttpServletResponse response, int status, Guidance guidance, Optional<String> retry)
            throws IOException {
        refusal(response, status, Labels.LOGOUT_FAILED, guidance, Optional.empty(), retry);
    }

    private void refusal(HttpServletResponse response, int status, Labels heading, Guidance guidance,
                         Optional<EService> eService, Optional<String> retry) throws IOException {
        Language lang = guidance.language();
        String title = heading.in(lang);
        StringBuilder html = new StringBuilder(2048);
        head(html, lang, title);
        html.append("<main><h1>").append(Html.escape(title)).append("</h1>");
        eService.ifPresent(s -> html.append("<p class=\"fedauth-eservice\">").append(Html.escape(Labels.APPLICATION.in(lang)))
                .append(": ").append(Html.escape(s.id())).append(" (").append(Html.escape(s.name())).append(")</p>"));
        html.append("<p class=\"fedauth-message\">").append(Html.escape(guidance.message())).append("</p>");
        Helpdesk desk = guidance.helpdesk();
        html.append("<section class=\"fedauth-helpdesk\"><h2>Helpdesk</h2><ul>")
                .append("<li>").append(Html.escape(Labels.PHONE.in(lang))).append(": ").append(Html.escape(desk.phone()))
                .append(" (").append(Html.escape(desk.hours())).append(")</li>")
                .append("<li>").append(Html.escape(Labels.FROM_ABROAD.in(lang))).append(": ")
                .append(Html.escape(desk.internationalPhone())).append("</li>");
        desk.mailbox().ifPresent(m -> html.append("<li>").append(Html.escape(Labels.EMAIL.in(lang))).append(": <a href=\"mailto:")
                .append(Html.escape(m)).append("\">").append(Html.escape(m)).append("</a></li>"));
        desk.helpPage().map(URI::toString).ifPresent(p -> html.append("<li>").append(Html.escape(Labels.HELP.in(lang)))
                .append(": <a href=\"").append(Html.escape(p)).append("\">").append(Html.escape(p)).append("</a></li>"));
        html.append("</ul></section><p class=\"fedauth-code\">").append(Html.escape(Labels.ERROR_CODE.in(lang)))
                .append(": <code>").append(Html.escape(guidance.code().id())).append("</code></p>");
        retry.ifPresent(r -> html.append("<p><a href=\"").append(Html.escape(r)).append("\">")
                .append(Html.escape(Labels.LOG_IN_AGAIN.in(lang))).append("</a></p>"));
        html.append("</main></body></html>");
        response.setHeader(ERROR_HEADER, guidance.code().id());
        response.setHeader("Content-Language", lang.code());
        write(response, status, html.toString(), STRICT_CSP);
    }

    /**
     * Writes a page that posts {@code fields} to {@code action} as soon as it loads, with a button
     * for browsers without JavaScript.
     *
     * @param sameOrigin whether the action is in this application (the CSP then restricts form-action
     *     to 'self'; a form to the identity provider is not restricted, as Chrome applies form-action
     *     to the redirects that follow the POST too)
     */
    public void autoPost(HttpServletResponse response, String action, Map<String, List<String>> fields,
                         Language lang, boolean sameOrigin) throws IOException {
        String nonce = random.next();
        String title = Labels.REDIRECTING.in(lang);
        StringBuilder html = new StringBuilder(1024 + fields.values().stream().flatMap(List::stream).mapToInt(String::length).sum());
        head(html, lang, title);
        html.append("<form method=\"post\" action=\"").append(Html.escape(action)).append("\">");
        fields.forEach((name, values) -> values.forEach(value -> html.append("<input type=\"hidden\" name=\"")
                .append(Html.escape(name)).append("\" value=\"").append(Html.escape(value)).append("\">")));
        html.append("<noscript><button type=\"submit\">").append(Html.escape(Labels.CONTINUE.in(lang)))
                .append("</button></noscript></form><script nonce=\"").append(nonce)
                .append("\">document.forms[0].submit();</script></body></html>");
        String csp = "default-src 'none'; script-src 'nonce-" + nonce + "'; base-uri 'none'; frame-ancestors 'none'"
                + (sameOrigin ? "; form-action 'self'" : "");
        write(response, HttpServletResponse.SC_OK, html.toString(), csp);
    }

    private static void head(StringBuilder html, Language lang, String title) {
        html.append("<!DOCTYPE html><html lang=\"").append(lang.code()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(Html.escape(title)).append("</title></head><body>");
    }

    private static void write(HttpServletResponse response, int status, String html, String csp) throws IOException {
        Responses.noStore(response);
        response.setStatus(status);
        response.setHeader("Content-Security-Policy", csp);
        response.setContentType("text/html;charset=UTF-8");
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
