package be.fedauth.saml.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.Identity;
import be.fedauth.core.Language;
import be.fedauth.core.Mandate;
import be.fedauth.core.NationalRegisterNumber;
import be.fedauth.core.ReleasedClaims;
import be.fedauth.core.RoleGrant;
import java.util.List;
import java.util.Optional;

/**
 * Maps the attributes of a verified assertion to the core identity, roles and mandates.
 *
 * @param nationalNumber attribute name of the national register number
 * @param givenName attribute name of the first name
 * @param familyName attribute name of the family name
 * @param email attribute name of the e-mail
 * @param language attribute name of the preferred language
 * @param federalId attribute name of the federal id
 * @param roles attribute name of the roles
 * @param mandates attribute name of the mandates
 */
public record AttributeMapper(String nationalNumber, String givenName, String familyName, String email,
                              String language, String federalId, String roles, String mandates) {

    /**
     * The identity. Names are required; a malformed national number fails; an identity attribute with
     * several values (two national numbers, two family names...) fails rather than one being picked.
     *
     * @throws AuthenticationException {@code missing_claim} or {@code malformed_response}
     */
    public Identity identity(VerifiedAssertion assertion) {
        Optional<NationalRegisterNumber> number = single(assertion, nationalNumber).map(value -> {
            try {
                return NationalRegisterNumber.parse(value);
            } catch (FedAuthException | IllegalArgumentException e) {
                throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE,
                        "the national register number attribute is malformed", e);
            }
        });
        String first = single(assertion, givenName).orElseThrow(() -> missing(givenName));
        String family = single(assertion, familyName).orElseThrow(() -> missing(familyName));
        Language lang = single(assertion, language).flatMap(Language::fromCode).orElse(Language.FR);
        return new Identity(number, single(assertion, federalId), first, family, lang, single(assertion, email));
    }

    /** The one value of a single-valued attribute; several values are refused, never merged or picked. */
    private static Optional<String> single(VerifiedAssertion assertion, String name) {
        List<String> values = assertion.all(name);
        if (values.size() > 1) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE,
                    "the assertion has " + values.size() + " values for the single-valued attribute " + name);
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The released roles. */
    public List<RoleGrant> roles(VerifiedAssertion assertion) {
        return assertion.all(roles).stream().map(ReleasedClaims::parseRole).toList();
    }

    /** The released mandates. */
    public List<Mandate> mandates(VerifiedAssertion assertion) {
        return assertion.all(mandates).stream().map(ReleasedClaims::parseMandate).toList();
    }

    private static AuthenticationException missing(String name) {
        return new AuthenticationException(ErrorCode.MISSING_CLAIM, "the assertion has no " + name + " attribute");
    }
}
