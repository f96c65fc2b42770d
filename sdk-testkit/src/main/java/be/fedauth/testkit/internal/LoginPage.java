package be.fedauth.testkit.internal;

import be.fedauth.core.internal.html.Html;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.Language;
import be.fedauth.testkit.Person;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The login page of the fake IdP ({@code /testkit/login}): a plain HTML form, no JavaScript, in French,
 * Dutch, German and English, where a tester picks a persona and one of its digital keys. Each key is a
 * submit button whose value is {@code personId|KEY}. Only keys meeting the request and active on the
 * timeline at the clock's date are offered; a foreigner is offered the token only while the timeline's
 * token route is open (until 31/01/2024); the social-security IdP offers only people holding a
 * social-security login. The rules of
 * {@link FakeIdpContext#checkLogin} still apply when the form is posted.
 */
final class LoginPage implements ProtocolEndpoints {
    @Override
    public boolean handles(FakeRequest request) {
        return request.path().equals(FakeIdpContext.LOGIN_PATH);
    }

    @Override
    public FakeResponse handle(FakeRequest request, FakeIdpContext ctx) {
        Optional<String> flow = request.parameter("flow");
        Optional<PendingAuthorization> pending = flow.flatMap(ctx::pendingFlow);
        Language language = request.parameter("lang").flatMap(Language::fromCode)
                .or(() -> pending.map(PendingAuthorization::language)).orElse(Language.EN);
        LoginTexts texts = new LoginTexts(language);
        if (pending.isEmpty()) {
            return FakeResponse.html(400, page(texts, language, "", "<p class=\"error\" id=\"expired\">"
                    + Html.escape(texts.expired()) + "</p>"));
        }
        if ("POST".equals(request.method())) {
            return post(request, ctx, flow.get(), texts, language);
        }
        if (!"GET".equals(request.method())) {
            return FakeResponse.text(405, "use GET or POST");
        }
        return FakeResponse.html(page(texts, language, flow.get(), form(ctx, flow.get(), pending.get(), texts, language)));
    }

    private FakeResponse post(FakeRequest request, FakeIdpContext ctx, String flow, LoginTexts texts, Language language) {
        if (request.formParameter("cancel").isPresent()) {
            return ctx.cancelFlow(flow).orElseGet(() -> expired(texts, language));
        }
        String choice = request.formParameter("choice").orElse("");
        int bar = choice.lastIndexOf('|');
        if (bar <= 0) {
            return FakeResponse.text(400, "choose a persona and a key");
        }
        DigitalKey key;
        try {
            key = DigitalKey.valueOf(choice.substring(bar + 1).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return FakeResponse.text(400, "no such digital key");
        }
        return ctx.completeFlow(flow, choice.substring(0, bar), key).orElseGet(() -> expired(texts, language));
    }

    private static FakeResponse expired(LoginTexts texts, Language language) {
        return FakeResponse.html(400, page(texts, language, "", "<p class=\"error\" id=\"expired\">"
                + Html.escape(texts.expired()) + "</p>"));
    }

    private static String form(FakeIdpContext ctx, String flow, PendingAuthorization pending, LoginTexts texts,
                               Language language) {
        StringBuilder html = new StringBuilder();
        html.append("<p>").append(Html.escape(texts.intro())).append("</p>");
        html.append("<p>").append(Html.escape(texts.relyingParty())).append(": <strong id=\"relying-party\">")
                .append(Html.escape(pending.relyingParty())).append("</strong> (").append(Html.escape(pending.idp().displayName()))
                .append(")</p>");
        html.append("<form method=\"post\" action=\"").append(FakeIdpContext.LOGIN_PATH).append("\">");
        html.append("<input type=\"hidden\" name=\"flow\" value=\"").append(Html.escape(flow)).append("\">");
        html.append("<input type=\"hidden\" name=\"lang\" value=\"").append(language.code()).append("\">");
        int shown = 0;
        for (Person person : ctx.personas().people()) {
            List<DigitalKey> keys = offeredKeys(person, pending, ctx.foreignersTokenOnly(), ctx::notYetActive);
            if (keys.isEmpty()) {
                continue;
            }
            shown++;
            html.append("<fieldset id=\"persona-").append(Html.escape(person.id())).append("\"><legend>")
                    .append(Html.escape(person.displayName())).append(" <small>(").append(Html.escape(person.id()));
            if (person.foreigner()) {
                html.append(", ").append(Html.escape(texts.foreignerNote(ctx.foreignersTokenOnly())));
            }
            html.append(")</small></legend>");
            for (DigitalKey key : keys) {
                String value = person.id() + "|" + key.name();
                html.append("<button type=\"submit\" name=\"choice\" value=\"").append(Html.escape(value))
                        .append("\" id=\"choice-").append(Html.escape(person.id())).append("-").append(key.name())
                        .append("\">").append(Html.escape(texts.key(key))).append("</button> ");
            }
            html.append("</fieldset>");
        }
        if (shown == 0) {
            html.append("<p class=\"error\">").append(Html.escape(texts.nobody())).append("</p>");
        }
        html.append("<p><button type=\"submit\" name=\"cancel\" value=\"1\" id=\"cancel\">")
                .append(Html.escape(texts.cancel())).append("</button></p></form>");
        return html.toString();
    }

    /**
     * The keys a person is offered, as FAS presents only the methods that can succeed: keys the person owns,
     * among those the relying party asked for and at or above its minimum level, and already active on the
     * timeline at the clock's date; a foreigner the token only while {@code foreignersTokenOnly}. A retired
     * key is still offered, so that a tester sees the fake refuse it at the clock's date.
     */
    static List<DigitalKey> offeredKeys(Person person, PendingAuthorization pending, boolean foreignersTokenOnly,
                                        java.util.function.Predicate<DigitalKey> notYetActive) {
        Idp idp = pending.idp();
        List<DigitalKey> keys = new ArrayList<>();
        for (DigitalKey key : DigitalKey.values()) {
            boolean requested = pending.requestedKeys().isEmpty() || pending.requestedKeys().contains(key);
            if (!person.owns(key) || !requested
                    || !pending.minimumLevel().map(min -> ReportedKeys.satisfies(key, min)).orElse(true)
                    || notYetActive.test(key)) {
                continue;
            }
            boolean offered = idp == Idp.SOCIAL_SECURITY ? key == DigitalKey.SOCIAL_SECURITY
                    : !person.socialSecurityOnly() && key != DigitalKey.SOCIAL_SECURITY
                    && (!person.foreigner() || !foreignersTokenOnly || key == DigitalKey.PASSWORD_TOKEN);
            if (offered) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static String page(LoginTexts texts, Language language, String flow, String content) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(language.code())
                .append("\"><head><meta charset=\"utf-8\"><title>").append(Html.escape(texts.title()))
                .append("</title><style>body{font-family:sans-serif;max-width:48em;margin:2em auto}"
                        + "fieldset{margin:.5em 0}button{margin:.2em}.banner{background:#fee;padding:.5em}"
                        + ".error{color:#a00}</style></head><body>")
                .append("<p class=\"banner\">").append(Html.escape(texts.testOnly())).append("</p><nav>");
        for (Language other : Language.values()) {
            html.append("<a lang=\"").append(other.code()).append("\" href=\"?flow=")
                    .append(Html.escape(HttpForms.encodeOne(flow))).append("&amp;lang=").append(other.code())
                    .append("\">").append(other.name()).append("</a> ");
        }
        return html.append("</nav><h1>").append(Html.escape(texts.title())).append("</h1>").append(content)
                .append("</body></html>").toString();
    }
}
