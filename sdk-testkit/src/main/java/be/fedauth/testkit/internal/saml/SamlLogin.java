package be.fedauth.testkit.internal.saml;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.HttpRedirect;
import be.fedauth.core.Language;
import be.fedauth.testkit.Person;
import be.fedauth.testkit.SamlAttack;
import be.fedauth.testkit.SamlServiceProvider;
import be.fedauth.testkit.internal.FakeIdpContext;
import be.fedauth.testkit.internal.FakeResponse;
import be.fedauth.testkit.internal.Idp;
import be.fedauth.testkit.internal.LoginCheck;
import be.fedauth.testkit.internal.PendingAuthorization;
import java.net.URI;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/** A validated AuthnRequest waiting for the login: completes with a Response auto-posted to the ACS. */
final class SamlLogin implements PendingAuthorization {
    private final FakeIdpContext context;
    private final IdpSide side;
    private final ResponseFactory responses;
    private final SamlServiceProvider sp;
    private final String acs;
    private final String requestId;
    private final Optional<String> relayState;
    private final Set<DigitalKey> requestedKeys;
    private final Optional<AssuranceLevel> minimumLevel;
    private final Language language;

    SamlLogin(FakeIdpContext context, IdpSide side, ResponseFactory responses, SamlServiceProvider sp, String acs,
              String requestId, Optional<String> relayState, Set<DigitalKey> requestedKeys,
              Optional<AssuranceLevel> minimumLevel, Language language) {
        this.context = context;
        this.side = side;
        this.responses = responses;
        this.sp = sp;
        this.acs = acs;
        this.requestId = requestId;
        this.relayState = relayState;
        this.requestedKeys = Set.copyOf(requestedKeys);
        this.minimumLevel = minimumLevel;
        this.language = language;
    }

    @Override
    public FakeResponse complete(Person person, DigitalKey key) {
        Optional<SamlAttack> attack = context.pollAttack(SamlAttack.class);
        return post(responses.success(context, sp, acs, requestId, person, key, attack));
    }

    @Override
    public FakeResponse refuse(LoginCheck.Refusal refusal) {
        return post(responses.failure(context, acs, requestId, refusal.description()));
    }

    /** SAML Bindings 3.5: an auto-submitting form carrying the base64 Response (and the RelayState). */
    private FakeResponse post(Element response) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("SAMLResponse", Base64.getEncoder().encodeToString(SamlRuntime.serialize(response)));
        relayState.ifPresent(r -> fields.put("RelayState", r));
        return FakeResponse.html(HttpRedirect.post(URI.create(acs), fields).autoSubmitHtml());
    }

    @Override
    public Set<DigitalKey> requestedKeys() {
        return requestedKeys;
    }

    @Override
    public Optional<AssuranceLevel> minimumLevel() {
        return minimumLevel;
    }

    @Override
    public Language language() {
        return language;
    }

    @Override
    public Idp idp() {
        return side.idp();
    }

    @Override
    public String relyingParty() {
        return sp.entityId();
    }
}
