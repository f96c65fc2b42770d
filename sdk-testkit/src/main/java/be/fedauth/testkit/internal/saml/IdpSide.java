package be.fedauth.testkit.internal.saml;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.spi.LevelVocabulary;
import be.fedauth.testkit.internal.FakeIdpContext;
import be.fedauth.testkit.internal.Idp;
import be.fedauth.testkit.internal.ReportedKeys;
import be.fedauth.testkit.internal.SigningKeys;
import java.util.List;
import java.util.Map;

/**
 * What differs between the fake's two SAML identity providers: paths, entity id, signing keys,
 * attribute names and the AuthnContextClassRef vocabulary.
 *
 * @param idp which IdP
 * @param prefix the path prefix and entity id suffix ({@code /fas} or {@code /socsec})
 * @param metadataPath the metadata path
 * @param ssoPath the SSO path (HTTP-Redirect and HTTP-POST)
 * @param sloPath the SLO path
 * @param attributes attribute names: nrn, given, family, mail, language, fedid, roles, mandates
 * @param vocabulary the class refs
 */
record IdpSide(Idp idp, String prefix, String metadataPath, String ssoPath, String sloPath,
               Map<String, String> attributes, LevelVocabulary vocabulary) {
    private static final String FAS = "urn:be:fedict:iam:fas:";

    /** BOSA FAS: the names and class refs of fas-reference.md. */
    static IdpSide fas() {
        LevelVocabulary.Builder vocabulary = LevelVocabulary.builder()
                .key(FAS + "citizen:eid", DigitalKey.EID)
                .key(FAS + "citizen:bmid", DigitalKey.ITSME)
                .key(FAS + "citizen:token", DigitalKey.PASSWORD_TOKEN);
        for (AssuranceLevel level : AssuranceLevel.values()) {
            vocabulary.level(FAS + "citizen:Level" + level.value(), level);
            vocabulary.alias(FAS + "Level" + level.value(), level);
        }
        return new IdpSide(Idp.FAS, "/fas", "/fas/saml/metadata", "/fas/SSORedirect/metaAlias/idp",
                "/fas/SLO/metaAlias/idp", Map.of("nrn", "egovNRN", "given", "givenName", "family", "surname",
                "mail", "mail", "language", "PrefLanguage", "fedid", "urn:be:fedict:iam:attr:fedid",
                "roles", "roles", "mandates", "mandates"), vocabulary.build());
    }

    /** The social-security login: its own names (urn:be:fgov:person style) and class refs. */
    static IdpSide socialSecurity() {
        LevelVocabulary vocabulary = LevelVocabulary.builder()
                .key("urn:be:fgov:socsec:authn:token", DigitalKey.SOCIAL_SECURITY)
                .level("urn:be:fgov:socsec:authn:password", AssuranceLevel.LEVEL_200)
                .build();
        return new IdpSide(Idp.SOCIAL_SECURITY, "/socsec", "/socsec/saml/metadata", "/socsec/sso", "/socsec/slo",
                Map.of("nrn", "urn:be:fgov:person:ssin", "given", "urn:be:fgov:person:givenname",
                        "family", "urn:be:fgov:person:surname", "mail", "urn:be:fgov:person:email",
                        "language", "urn:be:fgov:person:language", "fedid", "urn:be:fgov:socsec:userid",
                        "roles", "urn:be:fgov:socsec:roles", "mandates", "urn:be:fgov:socsec:mandates"),
                vocabulary);
    }

    String entityId(FakeIdpContext context) {
        return context.baseUri() + prefix;
    }

    SigningKeys keys(FakeIdpContext context) {
        return idp == Idp.FAS ? context.signingKeys() : context.socialSecuritySigningKeys();
    }

    /** The class ref reporting a login with this key: the key's own value, else its level's. */
    String classRef(DigitalKey key) {
        if (idp == Idp.FAS && ReportedKeys.unlistedLevelUrn(key).isPresent()) {
            return ReportedKeys.unlistedLevelUrn(key).get();
        }
        List<String> values = vocabulary.requestValues(java.util.Optional.empty(), java.util.Set.of(key));
        return values.get(0);
    }

    /** The IdP's own logout page ({@link IdpLogoutPage}). */
    String logoutPagePath() {
        return prefix + "/saml/logout-everywhere";
    }

    boolean handles(String path) {
        return path.equals(metadataPath) || path.equals(ssoPath) || path.equals(sloPath) || path.equals(logoutPagePath());
    }
}
