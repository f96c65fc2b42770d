package be.fedauth.testkit;

import be.fedauth.core.DigitalKey;

import java.util.Objects;

/**
 * A persona and the digital key it logs in with, chosen in advance so that the fake IdP completes
 * a login without showing its login page (Java API, admin API and {@link HeadlessLogin}).
 *
 * @param personId the {@link Person#id()} of a persona
 * @param key      the digital key used
 */
public record LoginChoice(String personId, DigitalKey key) {
    public LoginChoice {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(key, "key");
    }
}
