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
import be.fedauth.saml.SamlAttributeNames;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps the attributes of a verified assertion to the core identity, roles and mandates, by the profile's
 * names: for each field its candidate Names in order, the first attribute present with a value counts;
 * then, when the names say so, the same candidates as FriendlyNames.
 *
 * @param names the attribute names
 * @param requireNationalNumber whether an assertion without a national number is refused
 */
public record AttributeMapper(SamlAttributeNames names, boolean requireNationalNumber) {

    /** Validates. */
    public AttributeMapper {
        Objects.requireNonNull(names, "names");
    }

    /**
     * The identity. Names are required, and the national number when {@link #requireNationalNumber}; a
     * malformed national number fails; an identity attribute with several values (two national numbers,
     * two family names...) fails rather than one being picked.
     *
     * @throws AuthenticationException {@code missing_claim} or {@code malformed_response}
     */
    public Identity identity(VerifiedAssertion assertion) {
        Optional<NationalRegisterNumber> number = single(assertion, names.nationalNumber()).map(value -> {
            try {
                return NationalRegisterNumber.parse(value);
            } catch (FedAuthException | IllegalArgumentException e) {
                throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE,
                        "the national register number attribute is malformed", e);
            }
        });
        if (number.isEmpty() && requireNationalNumber) {
            throw missing(names.nationalNumber(), "national number");
        }
        String first = single(assertion, names.givenName()).orElseThrow(() -> missing(names.givenName(), "given name"));
        String family = single(assertion, names.familyName()).orElseThrow(() -> missing(names.familyName(), "family name"));
        Language lang = single(assertion, names.language()).flatMap(Language::fromCode).orElse(Language.FR);
        return new Identity(number, single(assertion, names.federalId()), first, family, lang,
                single(assertion, names.email()));
    }

    /** The one value of a single-valued field; several values are refused, never merged or picked. */
    private Optional<String> single(VerifiedAssertion assertion, List<String> candidates) {
        Optional<List<String>> found = values(assertion, candidates);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<String> values = found.get();
        if (values.size() > 1) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the assertion has " + values.size()
                    + " values for the single-valued attribute " + Shown.value(String.join("|", candidates)));
        }
        return Optional.of(values.get(0));
    }

    /** The values of the first candidate present, by Name, then (when read) by FriendlyName. */
    private Optional<List<String>> values(VerifiedAssertion assertion, List<String> candidates) {
        for (String name : candidates) {
            if (!assertion.all(name).isEmpty()) {
                return Optional.of(assertion.all(name));
            }
        }
        if (names.friendlyNames()) {
            for (String name : candidates) {
                if (!assertion.allByFriendlyName(name).isEmpty()) {
                    return Optional.of(assertion.allByFriendlyName(name));
                }
            }
        }
        return Optional.empty();
    }

    /** The released roles. */
    public List<RoleGrant> roles(VerifiedAssertion assertion) {
        return values(assertion, names.roles()).orElse(List.of()).stream().map(ReleasedClaims::parseRole).toList();
    }

    /** The released mandates. */
    public List<Mandate> mandates(VerifiedAssertion assertion) {
        return values(assertion, names.mandates()).orElse(List.of()).stream().map(ReleasedClaims::parseMandate).toList();
    }

    private static AuthenticationException missing(List<String> candidates, String what) {
        return new AuthenticationException(ErrorCode.MISSING_CLAIM, candidates.isEmpty()
                ? "no attribute is named for the " + what + " (set the attribute names)"
                : "the assertion has no " + what + " attribute " + Shown.value(String.join("|", candidates)));
    }
}
