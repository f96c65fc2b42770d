package be.fedauth.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.AuthenticationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.Language;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.spi.IdentityNames;
import be.fedauth.saml.support.LogCapture;
import be.fedauth.saml.support.ResponseSpec;
import be.fedauth.saml.support.SpFixture;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 point 1: the generic SAML profile, against the test IdP sending what IdPs other than FAS send:
 * the SAML 2.0 standard classes, {@code unspecified}, X.500 OID names, Keycloak's names, FriendlyNames.
 */
class GenericProfileTest {
    private static final String AC = "urn:oasis:names:tc:SAML:2.0:ac:classes:";

    private static SpFixture fixture(SamlProfile profile) {
        return new SpFixture(b -> b.profile(profile).requestBinding(SamlBinding.POST));
    }

    /** A genuine response whose attributes are replaced by {@code attributes}. */
    private static ResponseSpec response(SpFixture fixture, PendingLogin pending, String classRef,
                                         Consumer<ResponseSpec> attributes) {
        ResponseSpec spec = fixture.genuine(pending);
        spec.classRef = classRef;
        spec.attributes.clear();
        attributes.accept(spec);
        return spec;
    }

    private static void oids(ResponseSpec spec) {
        spec.attributes.put("urn:oid:2.5.4.42", List.of("Marie"));
        spec.attributes.put("urn:oid:2.5.4.4", List.of("Dupont"));
        spec.attributes.put("urn:oid:0.9.2342.19200300.100.1.3", List.of("marie.dupont@example.be"));
        spec.attributes.put("urn:oid:2.16.840.1.113730.3.1.39", List.of("nl-BE"));
    }

    private static ErrorCode refusal(SpFixture fixture, ResponseSpec spec, PendingLogin pending) {
        String response = fixture.respond(spec);
        AuthenticationException e = org.junit.jupiter.api.Assertions.assertThrows(AuthenticationException.class,
                () -> fixture.finish(response, pending));
        return e.code();
    }

    @Test
    void point1_genericProfile_standardClassAndOidNames_logInWithIdentityAndLevel() {
        SpFixture fixture = fixture(SamlProfile.generic());
        PendingLogin pending = fixture.start().pendingLogin();

        AuthenticatedUser user = fixture.finish(fixture.respond(response(fixture, pending,
                AC + "PasswordProtectedTransport", GenericProfileTest::oids)), pending);

        assertThat(user.identity().givenName()).isEqualTo("Marie");
        assertThat(user.identity().familyName()).isEqualTo("Dupont");
        assertThat(user.identity().email()).contains("marie.dupont@example.be");
        assertThat(user.identity().language()).isEqualTo(Language.NL);
        assertThat(user.identity().nationalNumber()).isEmpty();
        assertThat(user.level()).isEqualTo(AssuranceLevel.LEVEL_200);
        assertThat(user.key()).isEqualTo(DigitalKey.UNNAMED);
    }

    @Test
    void point1_genericProfile_keycloakNamesAndFriendlyNames_areRead() {
        SpFixture fixture = fixture(SamlProfile.generic());
        PendingLogin pending = fixture.start().pendingLogin();
        ResponseSpec spec = response(fixture, pending, AC + "SmartcardPKI", s -> {
            s.attributes.put("urn:example:attr:given", List.of("Marie"));
            s.friendlyNames.put("urn:example:attr:given", "givenName");
            s.attributes.put("lastName", List.of("Dupont"));
            s.attributes.put("email", List.of("marie.dupont@example.be"));
        });

        AuthenticatedUser user = fixture.finish(fixture.respond(spec), pending);

        assertThat(user.identity().givenName()).isEqualTo("Marie");
        assertThat(user.identity().familyName()).isEqualTo("Dupont");
        assertThat(user.identity().email()).contains("marie.dupont@example.be");
        assertThat(user.level()).isEqualTo(AssuranceLevel.LEVEL_500);
    }

    @Test
    void point1_genericProfile_twoAttributesWithTheFriendlyNameRead_areRefusedNotPicked() {
        SpFixture fixture = fixture(SamlProfile.generic());
        PendingLogin pending = fixture.start().pendingLogin();
        ResponseSpec spec = response(fixture, pending, AC + "Password", s -> {
            s.attributes.put("urn:example:a", List.of("Marie"));
            s.attributes.put("urn:example:b", List.of("Eve"));
            s.friendlyNames.put("urn:example:a", "givenName");
            s.friendlyNames.put("urn:example:b", "givenName");
            s.attributes.put("sn", List.of("Dupont"));
        });

        assertThat(refusal(fixture, spec, pending)).isEqualTo(ErrorCode.MALFORMED_RESPONSE);
    }

    @Test
    void point1_unspecified_getsTheOperatorsDefaultLevel() {
        SpFixture fixture = fixture(SamlProfile.genericBuilder().defaultLevel(AssuranceLevel.LEVEL_350).build());
        PendingLogin pending = fixture.start().pendingLogin();

        AuthenticatedUser user = fixture.finish(fixture.respond(response(fixture, pending, AC + "unspecified",
                GenericProfileTest::oids)), pending);

        assertThat(user.level()).isEqualTo(AssuranceLevel.LEVEL_350);
        assertThat(user.key()).isEqualTo(DigitalKey.UNNAMED);
    }

    @Test
    void point1_noClassRefAtAll_getsTheOperatorsDefaultLevel() {
        SpFixture fixture = fixture(SamlProfile.genericBuilder().defaultLevel(AssuranceLevel.LEVEL_200).build());
        PendingLogin pending = fixture.start().pendingLogin();

        AuthenticatedUser user = fixture.finish(fixture.respond(response(fixture, pending, null,
                GenericProfileTest::oids)), pending);

        assertThat(user.level()).isEqualTo(AssuranceLevel.LEVEL_200);
    }

    @Test
    void point1_unspecifiedWithoutDefault_isRefusedWithUnknownLevel() {
        SpFixture fixture = fixture(SamlProfile.generic());
        PendingLogin pending = fixture.start().pendingLogin();

        assertThat(refusal(fixture, response(fixture, pending, AC + "unspecified", GenericProfileTest::oids), pending))
                .isEqualTo(ErrorCode.UNKNOWN_LEVEL);
    }

    @Test
    void point1_aClassRefTheProfileDoesNotKnow_isRefusedWithUnknownLevel_andLoggedCleanedForTheOperator() {
        SpFixture fixture = fixture(SamlProfile.genericBuilder().defaultLevel(AssuranceLevel.LEVEL_200).build());
        PendingLogin pending = fixture.start().pendingLogin();
        ResponseSpec spec = response(fixture, pending, AC + "InternetProtocol\u2028forged", GenericProfileTest::oids);

        try (LogCapture log = new LogCapture()) {
            assertThat(refusal(fixture, spec, pending)).isEqualTo(ErrorCode.UNKNOWN_LEVEL);
            assertThat(log.text()).contains(AC + "InternetProtocol?forged").doesNotContain("\u2028");
        }
    }

    @Test
    void point1_operatorLevels_replaceTheTablesEntry_andAreRequested() {
        String ppt = AC + "PasswordProtectedTransport";
        SpFixture fixture = fixture(SamlProfile.genericBuilder().levels(ppt + "=400").build());
        LoginRedirect redirect = fixture.provider.startLogin(LoginRequest.builder()
                .minimumLevel(AssuranceLevel.LEVEL_300).build());
        String request = new String(Base64.getDecoder().decode(redirect.redirect().formFields().get("SAMLRequest")),
                StandardCharsets.UTF_8);
        PendingLogin pending = redirect.pendingLogin();

        AuthenticatedUser user = fixture.finish(fixture.respond(response(fixture, pending, ppt, GenericProfileTest::oids)),
                pending);

        assertThat(request).contains("RequestedAuthnContext", ppt);
        assertThat(user.level()).isEqualTo(AssuranceLevel.LEVEL_400);
    }

    @Test
    void point1_theBuiltInTable_isNotRequested_theLevelIsCheckedOnReturn() {
        SpFixture fixture = fixture(SamlProfile.generic());
        LoginRedirect redirect = fixture.provider.startLogin(LoginRequest.builder()
                .minimumLevel(AssuranceLevel.LEVEL_300).build());
        String request = new String(Base64.getDecoder().decode(redirect.redirect().formFields().get("SAMLRequest")),
                StandardCharsets.UTF_8);
        PendingLogin pending = redirect.pendingLogin();

        assertThat(request).doesNotContain("RequestedAuthnContext");
        assertThat(refusal(fixture, response(fixture, pending, AC + "Password", GenericProfileTest::oids), pending))
                .isEqualTo(ErrorCode.LEVEL_TOO_LOW);
    }

    @Test
    void point1_nationalNumberRequired_isReadUnderTheOperatorsName() {
        SpFixture fixture = fixture(SamlProfile.genericBuilder().attributes(IdentityNames.parse("national-number=urn:be:ssin"))
                .requireNationalNumber().build());
        PendingLogin pending = fixture.start().pendingLogin();

        AuthenticatedUser user = fixture.finish(fixture.respond(response(fixture, pending, AC + "X509", s -> {
            oids(s);
            s.attributes.put("urn:be:ssin", List.of("85073003328"));
        })), pending);

        assertThat(user.identity().nationalNumber()).map(n -> n.digits()).contains("85073003328");
        assertThat(user.level()).isEqualTo(AssuranceLevel.LEVEL_300);
    }

    @Test
    void point1_nationalNumberRequiredButAbsent_isRefusedWithMissingClaim() {
        SpFixture fixture = fixture(SamlProfile.genericBuilder().attributes(IdentityNames.parse("national-number=urn:be:ssin"))
                .requireNationalNumber().build());
        PendingLogin pending = fixture.start().pendingLogin();

        assertThat(refusal(fixture, response(fixture, pending, AC + "X509", GenericProfileTest::oids), pending))
                .isEqualTo(ErrorCode.MISSING_CLAIM);
    }

    @Test
    void point1_fasProfileNationalNumberRequired_isRefusedWithMissingClaimForAForeigner() {
        SpFixture fixture = fixture(SamlProfile.fasBuilder().requireNationalNumber().build());
        PendingLogin pending = fixture.start().pendingLogin();
        ResponseSpec spec = fixture.genuine(pending);
        spec.attributes.remove("egovNRN");

        assertThat(refusal(fixture, spec, pending)).isEqualTo(ErrorCode.MISSING_CLAIM);
    }

    @Test
    void point1_fasStaysStrict_neitherOidNamesNorFriendlyNamesAreRead() {
        SpFixture fixture = fixture(SamlProfile.fas());
        PendingLogin pending = fixture.start().pendingLogin();
        ResponseSpec spec = response(fixture, pending, "urn:be:fedict:iam:fas:citizen:eid", s -> {
            oids(s);
            s.attributes.put("urn:example:attr:surname", List.of("Dupont"));
            s.friendlyNames.put("urn:example:attr:surname", "surname");
            s.attributes.put("givenName", List.of("Marie"));
        });

        assertThat(refusal(fixture, spec, pending)).isEqualTo(ErrorCode.MISSING_CLAIM);
        assertThat(SamlProfile.fas().attributes()).isEqualTo(SamlAttributeNames.FAS);
        assertThat(SamlProfile.fas().vocabulary().requestValues(java.util.Optional.of(AssuranceLevel.LEVEL_300),
                java.util.Set.of())).containsExactly("urn:be:fedict:iam:fas:citizen:Level300");
    }

    @Test
    void point1_fasProfile_doesNotReadTheStandardClasses() {
        SpFixture fixture = fixture(SamlProfile.fas());
        PendingLogin pending = fixture.start().pendingLogin();
        ResponseSpec spec = fixture.genuine(pending);
        spec.classRef = AC + "PasswordProtectedTransport";

        assertThat(refusal(fixture, spec, pending)).isEqualTo(ErrorCode.UNKNOWN_LEVEL);
    }

    @Test
    void point1_genericProfile_offersTheKeysItsLevelsName() {
        SamlProfile profile = SamlProfile.genericBuilder().levels("urn:example:card=500:EID").build();
        SpFixture fixture = new SpFixture(b -> b.profile(profile));

        assertThat(profile.keys()).containsExactly(DigitalKey.EID);
        assertThat(SamlProfile.generic().keys()).isEmpty();
        assertThat(fixture.provider.keys()).containsExactly(DigitalKey.EID);
    }
}
