package be.fedauth.saml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.PendingLogin;
import be.fedauth.saml.support.ResponseSpec;
import be.fedauth.saml.support.SpFixture;
import be.fedauth.saml.support.TestIdp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensaml.security.x509.BasicX509Credential;

/** Issue 12 point 3 (SAML side): the identity provider's session limit, read from the verified assertion. */
class VerifiedAssertionSessionTest {
    private final SpFixture fixture = new SpFixture();
    private final PendingLogin pending = fixture.start().pendingLogin();

    @Test
    void point3_sessionNotOnOrAfterOfTheAuthnStatement_isExposed() {
        Instant limit = fixture.clock.instant().plus(Duration.ofHours(8));
        ResponseSpec spec = fixture.genuine(pending);
        spec.sessionNotOnOrAfter = limit;

        assertThat(validate(spec, false).sessionNotOnOrAfter()).contains(limit);
    }

    @Test
    void point3_sessionNotOnOrAfterInsideAnEncryptedAssertion_isExposed() {
        Instant limit = fixture.clock.instant().plus(Duration.ofHours(2));
        ResponseSpec spec = fixture.genuine(pending);
        spec.sessionNotOnOrAfter = limit;
        spec.encrypt = true;

        assertThat(validate(spec, true).sessionNotOnOrAfter()).contains(limit);
    }

    @Test
    void point3_finishLogin_givesTheUserTheIdentityProvidersSessionLimit() {
        Instant limit = fixture.clock.instant().plus(Duration.ofHours(2));
        ResponseSpec spec = fixture.genuine(pending);
        spec.sessionNotOnOrAfter = limit;

        assertThat(fixture.finish(fixture.respond(spec), pending).notAfter()).contains(limit);
    }

    @Test
    void point3_noSessionNotOnOrAfter_isEmpty() {
        assertThat(validate(fixture.genuine(pending), false).sessionNotOnOrAfter()).isEmpty();
    }

    private VerifiedAssertion validate(ResponseSpec spec, boolean encrypted) {
        ValidationSettings settings = new ValidationSettings(SpFixture.SP_ENTITY_ID, SpFixture.ACS, fixture.clock,
                Duration.ofSeconds(60), true, false, false, 256 * 1024,
                List.of(new BasicX509Credential(fixture.spKey.certificate(), fixture.spKey.keyPair().getPrivate())),
                Duration.ofMinutes(10));
        IdpDescriptor idp = new MetadataReader().read(TestIdp.metadata(TestIdp.ENTITY_ID,
                        List.of(fixture.idpKey.certificate()), fixture.metadataKey).getBytes(StandardCharsets.UTF_8),
                TestIdp.ENTITY_ID, List.of(new BasicX509Credential(fixture.metadataKey.certificate())),
                fixture.clock.instant());
        String response = encrypted ? fixture.respond(spec) : TestIdp.response(spec, null);
        return new ResponseValidator(settings).validate(response, pending.requestId(), idp);
    }
}
