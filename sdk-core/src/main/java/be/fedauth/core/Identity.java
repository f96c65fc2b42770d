package be.fedauth.core;

import java.util.Objects;
import java.util.Optional;

/**
 * Who logged in, as the identity provider vouched for it.
 *
 * @param nationalNumber the national register number; absent for foreigners without one
 * @param federalId the stable federal identifier (FAS {@code fedid}), when the provider gives it
 * @param givenName the first name(s)
 * @param familyName the family name
 * @param language the preferred language (French when the provider says nothing usable)
 * @param email the e-mail address, when released
 */
public record Identity(Optional<NationalRegisterNumber> nationalNumber, Optional<String> federalId,
                       String givenName, String familyName, Language language, Optional<String> email) {

    /** Validates. */
    public Identity {
        Objects.requireNonNull(nationalNumber, "nationalNumber");
        Objects.requireNonNull(federalId, "federalId");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(email, "email");
    }

    /** Whether the user has no Belgian national register number (a foreigner). */
    public boolean isForeigner() {
        return nationalNumber.isEmpty();
    }

    /** Personal data masked. */
    @Override
    public String toString() {
        return "Identity[nationalNumber=" + nationalNumber.map(NationalRegisterNumber::toString).orElse("none")
                + ", federalId=" + federalId.map(f -> "present").orElse("none")
                + ", language=" + language + "]";
    }
}
