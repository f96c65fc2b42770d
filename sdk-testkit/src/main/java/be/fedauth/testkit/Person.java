package be.fedauth.testkit;

import be.fedauth.core.DigitalKey;
import be.fedauth.core.Language;
import be.fedauth.core.NationalRegisterNumber;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A persona: a person the fake IdP can log in.
 *
 * @param id                 the persona id used in persona files, the admin API and the login page
 * @param nationalNumber     the national register number; empty only for a foreigner without one
 * @param foreigner          a foreigner (no national number): at FAS the token only until 31/01/2024, then any other key
 * @param givenName          first name
 * @param familyName         family name
 * @param language           preferred language
 * @param email              e-mail address, if known
 * @param fedid              stable federal id, 40 hexadecimal characters
 * @param keys               the digital keys this person owns
 * @param socialSecurityOnly known only to the social-security login, not to FAS
 */
public record Person(String id, Optional<NationalRegisterNumber> nationalNumber, boolean foreigner, String givenName,
                     String familyName, Language language, Optional<String> email, String fedid,
                     Set<DigitalKey> keys, boolean socialSecurityOnly) {
    private static final Pattern FEDID = Pattern.compile("[0-9a-f]{40}");

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nationalNumber, "nationalNumber");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(fedid, "fedid");
        keys = Set.copyOf(keys);
        if (id.isBlank()) {
            throw new IllegalArgumentException("a persona id is not blank");
        }
        if (!FEDID.matcher(fedid).matches()) {
            throw new IllegalArgumentException("a fedid is 40 lower-case hexadecimal characters");
        }
        if (!foreigner && nationalNumber.isEmpty()) {
            throw new IllegalArgumentException("only a foreigner may have no national number");
        }
    }

    /** Whether this person owns {@code key}. */
    public boolean owns(DigitalKey key) {
        return keys.contains(key);
    }

    /** Given and family name, for pages and logs. */
    public String displayName() {
        return givenName + " " + familyName;
    }

    /** Shows the persona id and names; the national number is masked as {@link NationalRegisterNumber} does. */
    @Override
    public String toString() {
        return "Person[id=" + id + ", name=" + displayName() + ", foreigner=" + foreigner + ", keys=" + keys
                + ", socialSecurityOnly=" + socialSecurityOnly + "]";
    }
}
