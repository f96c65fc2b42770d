package be.fedauth.saml;

import be.fedauth.core.ConfigurationException;
import be.fedauth.core.spi.IdentityNames;
import be.fedauth.core.spi.IdentityNames.Field;
import java.util.List;

/**
 * The names under which an identity provider releases each part of the identity in its SAML
 * attributes: per field, candidate attribute Names tried in order (the first one present counts; an
 * attribute with several values for a single-valued field is refused, never picked), then, when
 * {@code friendlyNames} is set, the same candidates as attribute FriendlyNames. A field with no name is
 * not read.
 *
 * @param nationalNumber the national register number
 * @param givenName the first name(s)
 * @param familyName the family name
 * @param email the e-mail address
 * @param language the preferred language
 * @param federalId the stable federal id
 * @param roles the released roles, in {@link be.fedauth.core.ReleasedClaims} form
 * @param mandates the released mandates, in {@link be.fedauth.core.ReleasedClaims} form
 * @param friendlyNames whether a candidate also matches an attribute's FriendlyName (after every Name)
 */
public record SamlAttributeNames(List<String> nationalNumber, List<String> givenName, List<String> familyName,
                                 List<String> email, List<String> language, List<String> federalId,
                                 List<String> roles, List<String> mandates, boolean friendlyNames) {

    /**
     * The FAS names (fas-reference: {@code egovNRN}, {@code givenName} is the first name and
     * {@code surname} the family name, {@code PrefLanguage} with a capital P in SAML): one Name per field,
     * no FriendlyName.
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

    private static final String WS = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/";

    /**
     * Common names, for any SAML identity provider ({@link SamlProfile#generic()}): the X.500/LDAP OIDs
     * (RFC 4519, eduPerson), the plain LDAP and Keycloak names, the WS-Federation claim URIs (AD FS, Entra
     * ID, saml-idp), and the same words as FriendlyNames. No national number, federal id, roles or mandates:
     * name those for your identity provider ({@link #with(IdentityNames)}).
     */
    public static final SamlAttributeNames GENERIC = new SamlAttributeNames(List.of(),
            List.of("urn:oid:2.5.4.42", "givenName", "firstName", "given_name", WS + "givenname"),
            List.of("urn:oid:2.5.4.4", "sn", "surname", "lastName", "family_name", WS + "surname"),
            List.of("urn:oid:0.9.2342.19200300.100.1.3", "urn:oid:1.2.840.113549.1.9.1", "mail", "email",
                    "emailAddress", WS + "emailaddress"),
            List.of("urn:oid:2.16.840.1.113730.3.1.39", "preferredLanguage", "locale"),
            List.of(), List.of(), List.of(), true);

    /** Validates and copies; a blank name is refused. */
    public SamlAttributeNames {
        nationalNumber = names(nationalNumber);
        givenName = names(givenName);
        familyName = names(familyName);
        email = names(email);
        language = names(language);
        federalId = names(federalId);
        roles = names(roles);
        mandates = names(mandates);
    }

    /** One Name per field, FriendlyNames not read (as {@link #FAS} and {@link #SOCIAL_SECURITY}). */
    public SamlAttributeNames(String nationalNumber, String givenName, String familyName, String email,
                              String language, String federalId, String roles, String mandates) {
        this(List.of(nationalNumber), List.of(givenName), List.of(familyName), List.of(email), List.of(language),
                List.of(federalId), List.of(roles), List.of(mandates), false);
    }

    /** These names with each field {@code names} names replaced by its names there (an operator's NAMES). */
    public SamlAttributeNames with(IdentityNames names) {
        return new SamlAttributeNames(pick(names, Field.NATIONAL_NUMBER, nationalNumber),
                pick(names, Field.GIVEN_NAME, givenName), pick(names, Field.FAMILY_NAME, familyName),
                pick(names, Field.EMAIL, email), pick(names, Field.LANGUAGE, language), federalId, roles, mandates,
                friendlyNames);
    }

    private static List<String> pick(IdentityNames names, Field field, List<String> current) {
        return names.names(field).isEmpty() ? current : names.names(field);
    }

    private static List<String> names(List<String> values) {
        List<String> copy = List.copyOf(values);
        if (copy.stream().anyMatch(String::isBlank)) {
            throw new ConfigurationException("an attribute name is blank");
        }
        return copy;
    }
}
