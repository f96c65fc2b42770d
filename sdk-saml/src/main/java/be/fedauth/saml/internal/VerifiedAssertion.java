package be.fedauth.saml.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The values of an assertion that passed every check, copied out of OpenSAML so that nothing
 * downstream can read an unverified part of the message. Only {@link ResponseValidator} makes it.
 *
 * @param id the assertion ID (for the replay cache)
 * @param nameId the subject's NameID value
 * @param nameIdFormat its format, when given
 * @param nameQualifier its NameQualifier, when given
 * @param spNameQualifier its SPNameQualifier, when given
 * @param sessionIndex the AuthnStatement's SessionIndex, when given
 * @param authnInstant when the user authenticated
 * @param classRefs the AuthnContextClassRef values
 * @param attributes attribute name to its string values, in order
 * @param expiresAt the last instant the assertion could be accepted (for the replay cache)
 * @param sessionNotOnOrAfter the AuthnStatement's SessionNotOnOrAfter, when given: the identity
 *     provider's own limit on the session this login may open (SAML Core 2.7.2)
 * @param friendlyAttributes attribute FriendlyName to the string values of every attribute that has it
 *     (two attributes with one FriendlyName give both their values)
 */
public record VerifiedAssertion(String id, String nameId, Optional<String> nameIdFormat, Optional<String> nameQualifier,
                                Optional<String> spNameQualifier, Optional<String> sessionIndex, Instant authnInstant,
                                List<String> classRefs, Map<String, List<String>> attributes, Instant expiresAt,
                                Optional<Instant> sessionNotOnOrAfter,
                                Map<String, List<String>> friendlyAttributes) {
    /** Validates and copies. */
    public VerifiedAssertion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nameId, "nameId");
        Objects.requireNonNull(nameIdFormat, "nameIdFormat");
        Objects.requireNonNull(nameQualifier, "nameQualifier");
        Objects.requireNonNull(spNameQualifier, "spNameQualifier");
        Objects.requireNonNull(sessionIndex, "sessionIndex");
        Objects.requireNonNull(authnInstant, "authnInstant");
        classRefs = List.copyOf(classRefs);
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(sessionNotOnOrAfter, "sessionNotOnOrAfter");
        friendlyAttributes = Map.copyOf(friendlyAttributes);
    }

    /** The first value of an attribute. */
    public Optional<String> first(String name) {
        List<String> values = attributes.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** All values of an attribute. */
    public List<String> all(String name) {
        return attributes.getOrDefault(name, List.of());
    }

    /** All values of the attributes with this FriendlyName. */
    public List<String> allByFriendlyName(String friendlyName) {
        return friendlyAttributes.getOrDefault(friendlyName, List.of());
    }

    @Override
    public String toString() {
        return "VerifiedAssertion[attributes=" + attributes.keySet() + ", classRefs=" + classRefs + "]";
    }
}
