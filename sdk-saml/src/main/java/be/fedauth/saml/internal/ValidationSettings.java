package be.fedauth.saml.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.opensaml.security.x509.BasicX509Credential;

/**
 * What {@link ResponseValidator} checks a response against, fixed when the provider is built.
 *
 * @param spEntityId the SP entity id (the audience)
 * @param acsUrl the assertion consumer service URL (Destination and Recipient)
 * @param clock the clock
 * @param skew the tolerated clock skew
 * @param requireSignedAssertion whether the assertion itself must be signed
 * @param allowUnsolicited whether a response without InResponseTo is accepted
 * @param requireEncryptedAssertion whether a plain assertion is refused
 * @param maxResponseBytes the largest decoded response accepted
 * @param decryptionCredentials the SP keys an encrypted assertion may be encrypted to
 * @param maxIssueAge the oldest IssueInstant (of the Response and of the assertion) accepted, before the skew
 */
public record ValidationSettings(String spEntityId, String acsUrl, Clock clock, Duration skew,
                                 boolean requireSignedAssertion, boolean allowUnsolicited,
                                 boolean requireEncryptedAssertion, int maxResponseBytes,
                                 List<BasicX509Credential> decryptionCredentials, Duration maxIssueAge) {
    /** Validates and copies. */
    public ValidationSettings {
        Objects.requireNonNull(spEntityId, "spEntityId");
        Objects.requireNonNull(acsUrl, "acsUrl");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(skew, "skew");
        decryptionCredentials = List.copyOf(decryptionCredentials);
        Objects.requireNonNull(maxIssueAge, "maxIssueAge");
    }
}
