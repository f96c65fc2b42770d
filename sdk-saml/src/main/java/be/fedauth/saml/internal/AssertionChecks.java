package be.fedauth.saml.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Condition;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.OneTimeUse;
import org.opensaml.saml.saml2.core.ProxyRestriction;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;

/**
 * The checks of one verified assertion (SAML Core 2.4 to 2.7, Profiles 4.1.4.2 and 4.1.4.3), then the
 * copy of its values into a {@link VerifiedAssertion}. Thread-safe.
 */
final class AssertionChecks {
    private final ValidationSettings settings;

    AssertionChecks(ValidationSettings settings) {
        this.settings = settings;
    }

    VerifiedAssertion check(Assertion assertion, Optional<String> expectedRequestId, IdpDescriptor idp) {
        if (assertion.getVersion() != SAMLVersion.VERSION_20 || assertion.getID() == null) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the assertion is not SAML 2.0");
        }
        ResponseValidator.checkIssuer(assertion.getIssuer(), idp, true, "assertion");
        Instant now = settings.clock().instant();
        ResponseValidator.checkIssueInstant(assertion.getIssueInstant(), settings, now, "assertion");
        if (assertion.getSubject() == null || assertion.getSubject().getNameID() == null
                || assertion.getSubject().getNameID().getValue() == null) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the assertion has no NameID");
        }
        Instant bearerExpiry = checkBearer(assertion.getSubject().getSubjectConfirmations(), expectedRequestId, now);
        Instant conditionsExpiry = checkConditions(assertion.getConditions(), now);
        AuthnStatement authn = checkAuthnStatement(assertion, now);

        NameID nameId = assertion.getSubject().getNameID();
        List<String> classRefs = new ArrayList<>();
        AuthnContext context = authn.getAuthnContext();
        if (context != null && context.getAuthnContextClassRef() != null
                && context.getAuthnContextClassRef().getURI() != null) {
            classRefs.add(context.getAuthnContextClassRef().getURI());
        }
        Instant expiresAt = (bearerExpiry.isAfter(conditionsExpiry) ? bearerExpiry : conditionsExpiry).plus(settings.skew());
        return new VerifiedAssertion(assertion.getID(), nameId.getValue(), Optional.ofNullable(nameId.getFormat()),
                Optional.ofNullable(nameId.getNameQualifier()), Optional.ofNullable(nameId.getSPNameQualifier()),
                Optional.ofNullable(authn.getSessionIndex()), authn.getAuthnInstant(), classRefs,
                attributes(assertion), expiresAt, Optional.ofNullable(authn.getSessionNotOnOrAfter()),
                friendlyAttributes(assertion));
    }

    /**
     * SAML Profiles 4.1.4.2: at least one bearer SubjectConfirmation whose data has the ACS as
     * Recipient, a NotOnOrAfter in the future, and the request's ID as InResponseTo; a bearer
     * SubjectConfirmationData with a NotBefore refuses the assertion ("MUST NOT contain a NotBefore").
     * Returns the latest NotOnOrAfter among the valid ones.
     */
    private Instant checkBearer(List<SubjectConfirmation> confirmations, Optional<String> expectedRequestId, Instant now) {
        for (SubjectConfirmation confirmation : confirmations) {
            if (SubjectConfirmation.METHOD_BEARER.equals(confirmation.getMethod())
                    && confirmation.getSubjectConfirmationData() != null
                    && confirmation.getSubjectConfirmationData().getNotBefore() != null) {
                throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE,
                        "the bearer confirmation has a NotBefore (SAML Profiles 4.1.4.2 forbids it)");
            }
        }
        AuthenticationException first = null;
        Instant valid = null;
        for (SubjectConfirmation confirmation : confirmations) {
            if (!SubjectConfirmation.METHOD_BEARER.equals(confirmation.getMethod())) {
                continue;
            }
            try {
                Instant notOnOrAfter = checkBearerData(confirmation.getSubjectConfirmationData(), expectedRequestId, now);
                valid = valid == null || notOnOrAfter.isAfter(valid) ? notOnOrAfter : valid;
            } catch (AuthenticationException e) {
                first = first == null ? e : first;
            }
        }
        if (valid != null) {
            return valid;
        }
        if (first != null) {
            throw first;
        }
        throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the assertion has no bearer subject confirmation");
    }

    private Instant checkBearerData(SubjectConfirmationData data, Optional<String> expectedRequestId, Instant now) {
        if (data == null) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the bearer confirmation has no data");
        }
        if (!settings.acsUrl().equals(data.getRecipient())) {
            throw new AuthenticationException(ErrorCode.RECIPIENT_MISMATCH,
                    "the assertion's recipient is " + Shown.value(data.getRecipient()) + ", not " + settings.acsUrl());
        }
        if (data.getNotOnOrAfter() == null) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the bearer confirmation has no NotOnOrAfter");
        }
        if (!now.minus(settings.skew()).isBefore(data.getNotOnOrAfter())) {
            throw new AuthenticationException(ErrorCode.TOKEN_EXPIRED, "the bearer confirmation expired");
        }
        String inResponseTo = data.getInResponseTo();
        if (expectedRequestId.isPresent()) {
            if (inResponseTo == null ? !settings.allowUnsolicited() : !inResponseTo.equals(expectedRequestId.get())) {
                throw new AuthenticationException(ErrorCode.IN_RESPONSE_TO_MISMATCH,
                        "the assertion's InResponseTo does not match the request");
            }
        } else if (inResponseTo != null) {
            throw new AuthenticationException(ErrorCode.IN_RESPONSE_TO_MISMATCH, "the assertion answers an unknown request");
        }
        return data.getNotOnOrAfter();
    }

    /** SAML Core 2.5.1: the validity window with skew; every AudienceRestriction names us; no unknown condition. */
    private Instant checkConditions(Conditions conditions, Instant now) {
        if (conditions == null) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the assertion has no Conditions");
        }
        if (conditions.getNotBefore() != null && now.plus(settings.skew()).isBefore(conditions.getNotBefore())) {
            throw new AuthenticationException(ErrorCode.TOKEN_NOT_YET_VALID, "the assertion is not yet valid");
        }
        if (conditions.getNotOnOrAfter() != null && !now.minus(settings.skew()).isBefore(conditions.getNotOnOrAfter())) {
            throw new AuthenticationException(ErrorCode.TOKEN_EXPIRED, "the assertion expired");
        }
        List<AudienceRestriction> restrictions = conditions.getAudienceRestrictions();
        if (restrictions.isEmpty()) {
            throw new AuthenticationException(ErrorCode.AUDIENCE_MISMATCH, "the assertion has no AudienceRestriction");
        }
        for (AudienceRestriction restriction : restrictions) {
            boolean ours = restriction.getAudiences().stream()
                    .anyMatch(audience -> settings.spEntityId().equals(audience.getURI()));
            if (!ours) {
                throw new AuthenticationException(ErrorCode.AUDIENCE_MISMATCH,
                        "an AudienceRestriction does not name " + settings.spEntityId());
            }
        }
        for (Condition condition : conditions.getConditions()) {
            if (!(condition instanceof AudienceRestriction) && !(condition instanceof OneTimeUse)
                    && !(condition instanceof ProxyRestriction)) {
                // SAML Core 2.5.1.1: an unknown condition makes the assertion Indeterminate.
                throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the assertion has a condition we do not know");
            }
        }
        if (conditions.getProxyRestriction() != null && conditions.getProxyRestriction().getProxyCount() != null
                && conditions.getProxyRestriction().getProxyCount() < 0) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the ProxyRestriction is invalid");
        }
        return conditions.getNotOnOrAfter() == null ? now : conditions.getNotOnOrAfter();
    }

    private AuthnStatement checkAuthnStatement(Assertion assertion, Instant now) {
        if (assertion.getAuthnStatements().size() != 1) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE,
                    "the assertion holds " + assertion.getAuthnStatements().size() + " AuthnStatements instead of one");
        }
        AuthnStatement authn = assertion.getAuthnStatements().get(0);
        if (authn.getAuthnInstant() == null) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the AuthnStatement has no AuthnInstant");
        }
        if (authn.getAuthnInstant().isAfter(now.plus(settings.skew()))) {
            throw new AuthenticationException(ErrorCode.TOKEN_ISSUED_IN_FUTURE, "the authentication is in the future");
        }
        if (authn.getSessionNotOnOrAfter() != null && !now.minus(settings.skew()).isBefore(authn.getSessionNotOnOrAfter())) {
            throw new AuthenticationException(ErrorCode.TOKEN_EXPIRED, "the session at the identity provider ended");
        }
        return authn;
    }

    private static Map<String, List<String>> attributes(Assertion assertion) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (AttributeStatement statement : assertion.getAttributeStatements()) {
            if (!statement.getEncryptedAttributes().isEmpty()) {
                throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "encrypted attributes are not supported");
            }
            for (Attribute attribute : statement.getAttributes()) {
                // Two Attribute elements with one Name (in one statement or two) are refused, not merged:
                // which one counts would be a choice an attacker or a confused IdP could steer.
                if (out.containsKey(attribute.getName())) {
                    throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE,
                            "the attribute " + Shown.value(attribute.getName()) + " appears twice");
                }
                List<String> values = new ArrayList<>();
                out.put(attribute.getName(), values);
                for (XMLObject value : attribute.getAttributeValues()) {
                    text(value).ifPresent(values::add);
                }
            }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    /**
     * FriendlyName to the values of every attribute that has it (SAML Core 2.7.3.1: a display name, not
     * unique): read only when the profile asks, and then one value in all or the field is refused.
     */
    private static Map<String, List<String>> friendlyAttributes(Assertion assertion) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (AttributeStatement statement : assertion.getAttributeStatements()) {
            for (Attribute attribute : statement.getAttributes()) {
                if (attribute.getFriendlyName() == null || attribute.getFriendlyName().isBlank()) {
                    continue;
                }
                List<String> values = out.computeIfAbsent(attribute.getFriendlyName(), k -> new ArrayList<>());
                for (XMLObject value : attribute.getAttributeValues()) {
                    text(value).ifPresent(values::add);
                }
            }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    private static Optional<String> text(XMLObject value) {
        if (value instanceof XSString string) {
            return Optional.ofNullable(string.getValue());
        }
        if (value instanceof XSAny any) {
            if (!any.getUnknownXMLObjects().isEmpty()) {
                throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "an attribute value holds elements");
            }
            return Optional.ofNullable(any.getTextContent());
        }
        return Optional.empty();
    }
}
