package be.fedauth.saml;

import java.util.Objects;

/**
 * The names under which an identity provider releases each part of the identity in its SAML
 * attributes.
 *
 * @param nationalNumber the national register number
 * @param givenName the first name(s)
 * @param familyName the family name
 * @param email the e-mail address
 * @param language the preferred language
 * @param federalId the stable federal id
 * @param roles the released roles, in {@link be.fedauth.core.ReleasedClaims} form
 * @param mandates the released mandates, in {@link be.fedauth.core.ReleasedClaims} form
 */
public record SamlAttributeNames(String nationalNumber, String givenName, String familyName, String email,
                                 String language, String federalId, String roles, String mandates) {

    /**
     * The FAS names (fas-reference: {@code egovNRN}, {@code givenName} is the first name and
     * {@code surname} the family name, {@code PrefLanguage} with a capital P in SAML).
     */
    public static final SamlAttributeNames FAS = new SamlAttributeNames("egovNRN", "givenName", "surname", "mail",
            "PrefLanguage", "urn:be:fedict:iam:attr:fedid", "roles", "mandates");

    /**
     * The social-security login's names. Its real names are not public; these follow the
     * {@code urn:be:fgov:person} style of Belgian social-security services and are what the testkit's
     * fake social-security IdP sends. Override them when the real ones are known.
     */
    public static final SamlAttributeNames SOCIAL_SECURITY = new SamlAttributeNames("urn:be:fgov:person:ssin",
            "urn:be:fgov:person:givenname", "urn:be:fgov:person:surname", "urn:be:fgov:person:email",
            "urn:be:fgov:person:language", "urn:be:fgov:socsec:userid", "urn:be:fgov:socsec:roles",
            "urn:be:fgov:socsec:mandates");

    /** Validates. */
    public SamlAttributeNames {
        Objects.requireNonNull(nationalNumber, "nationalNumber");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(federalId, "federalId");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(mandates, "mandates");
    }
}
