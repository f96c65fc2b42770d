package be.fedauth.testkit;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.Language;
import be.fedauth.testkit.internal.FakeIdpContext;
import be.fedauth.testkit.internal.FakeRequest;
import be.fedauth.testkit.internal.FakeResponse;
import be.fedauth.testkit.internal.HttpForms;
import be.fedauth.testkit.internal.Idp;
import be.fedauth.testkit.internal.LoginCheck;
import be.fedauth.testkit.internal.PendingAuthorization;
import be.fedauth.testkit.internal.ProtocolEndpoints;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A minimal protocol for the shell's own tests, independent of the OIDC and SAML packages:
 * {@code GET /test/authorize?redirect_uri=..&state=..[&keys=EID,ITSME][&level=450][&idp=SOCIAL_SECURITY][&lang=fr][&rp=..]}
 * hands a login over; completion redirects with {@code person}, {@code key}, {@code roles} and {@code mandates}
 * (counts of released grants), refusal with {@code error=access_denied&reason=REFUSAL}. With {@code post=true}
 * the completion is an auto-post page, as SAML's. {@code GET /test/json} answers a fixed JSON document;
 * {@code GET /test/callback} shows its query parameters (a callback page for the browser test);
 * {@code /test/boom} throws.
 */
final class TestProtocol implements ProtocolEndpoints {
    static final String JSON = "{\"hello\":\"world\",\"padding\":\"0123456789abcdef0123456789abcdef\"}";

    @Override
    public boolean handles(FakeRequest request) {
        return request.path().startsWith("/test/");
    }

    @Override
    public FakeResponse handle(FakeRequest request, FakeIdpContext ctx) {
        if (request.path().equals("/test/json")) {
            return FakeResponse.json(JSON);
        }
        if (request.path().equals("/test/boom")) {
            throw new IllegalStateException("secret-detail-that-must-not-leak");
        }
        if (request.path().equals("/test/callback")) {
            StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body><p id=\"done\">");
            request.queryParameters().forEach((k, v) -> html.append(k).append('=').append(v.get(0)).append(';'));
            return FakeResponse.html(html.append("</p></body></html>").toString().replace("<script", ""));
        }
        String redirectUri = request.parameter("redirect_uri").orElseThrow();
        String state = request.parameter("state").orElse("");
        boolean post = request.parameter("post").map(Boolean::parseBoolean).orElse(false);
        Set<DigitalKey> keys = request.parameter("keys")
                .map(k -> Arrays.stream(k.split(",")).map(DigitalKey::valueOf).collect(Collectors.toSet()))
                .orElse(Set.of());
        Optional<AssuranceLevel> level = request.parameter("level").map(Integer::parseInt).map(AssuranceLevel::ofValue);
        Idp idp = request.parameter("idp").map(Idp::valueOf).orElse(Idp.FAS);
        Language language = request.parameter("lang").flatMap(Language::fromCode).orElse(Language.EN);
        String rp = request.parameter("rp").orElse("test-client");
        return ctx.login(new PendingAuthorization() {
            @Override
            public FakeResponse complete(Person person, DigitalKey key) {
                Map<String, String> p = new LinkedHashMap<>();
                p.put("person", person.id());
                p.put("key", key.name());
                p.put("roles", String.valueOf(ctx.releasedRoles(person).size()));
                p.put("mandates", String.valueOf(ctx.releasedMandates(person).size()));
                p.put("state", state);
                if (post) {
                    StringBuilder html = new StringBuilder("<html><body onload=\"document.forms[0].submit()\">"
                            + "<form method=\"post\" action=\"" + redirectUri + "\">");
                    p.forEach((k, v) -> html.append("<input type=\"hidden\" name=\"").append(k).append("\" value=\"")
                            .append(v).append("\"/>"));
                    return FakeResponse.html(html.append("</form></body></html>").toString());
                }
                return FakeResponse.redirect(redirectUri + "?" + HttpForms.encode(p));
            }

            @Override
            public FakeResponse refuse(LoginCheck.Refusal refusal) {
                return FakeResponse.redirect(redirectUri + "?" + HttpForms.encode(
                        Map.of("error", "access_denied", "reason", refusal.name(), "state", state)));
            }

            @Override
            public Set<DigitalKey> requestedKeys() {
                return keys;
            }

            @Override
            public Optional<AssuranceLevel> minimumLevel() {
                return level;
            }

            @Override
            public Language language() {
                return language;
            }

            @Override
            public Idp idp() {
                return idp;
            }

            @Override
            public String relyingParty() {
                return rp;
            }
        });
    }

    /** A fake with this protocol added. */
    static FakeFas.Builder fake() {
        return FakeFas.builder().extraEndpoints(new TestProtocol());
    }
}
