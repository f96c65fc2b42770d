package be.fedauth.testkit.internal;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of the fake IdP's login rules for one person and key.
 *
 * @param refusal why the login is refused; empty when it is allowed
 */
public record LoginCheck(Optional<Refusal> refusal) {
    private static final LoginCheck ALLOWED = new LoginCheck(Optional.empty());

    public LoginCheck {
        Objects.requireNonNull(refusal, "refusal");
    }

    /** The login may proceed. */
    public static LoginCheck allowed() {
        return ALLOWED;
    }

    /** The login is refused for this reason. */
    public static LoginCheck refused(Refusal refusal) {
        return new LoginCheck(Optional.of(Objects.requireNonNull(refusal, "refusal")));
    }

    public boolean isAllowed() {
        return refusal.isEmpty();
    }

    /** Why a login is refused. */
    public enum Refusal {
        /** No persona with this id. */
        UNKNOWN_PERSON("unknown persona"),
        /** The person does not own the key. */
        KEY_NOT_OWNED("the person does not own this digital key"),
        /** A foreigner logs in to FAS with a token only. */
        FOREIGNER_TOKEN_ONLY("a foreigner can log in with a token only"),
        /** The timeline activates the key after the fake IdP's current time (MyGov.be before October 2025). */
        KEY_NOT_YET_ACTIVE("this digital key is not offered yet"),
        /** The key was retired before the fake IdP's current time. */
        KEY_RETIRED("this digital key is retired"),
        /** The person is not known to this IdP (social-security-only people at FAS, or the reverse). */
        NOT_KNOWN_TO_IDP("the person is not known to this identity provider"),
        /** The key is not among the requested ones or below the requested minimum level. */
        KEY_NOT_ACCEPTED("this digital key does not meet the requested level"),
        /** The user cancelled on the login page. */
        CANCELLED("the user cancelled the login");

        private final String description;

        Refusal(String description) {
            this.description = description;
        }

        /** A short English description, for error_description / StatusMessage. */
        public String description() {
            return description;
        }
    }
}
