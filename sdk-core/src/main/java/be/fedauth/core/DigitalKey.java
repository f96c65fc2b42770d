package be.fedauth.core;

import java.util.Objects;

/**
 * The ways a user proves who they are to the federal login, each with the level it gives.
 *
 * <p>The customs registration page lists eID, itsme, username + password + token and username +
 * password + mobile app; FAS adds the e-mail or SMS code and the foreign eID through the Belgian eIDAS
 * node; NCTS users came from the social-security login. The token was retired as a key on
 * 31/01/2024 (see {@link KeyRetirement#TOKEN}).
 */
public enum DigitalKey {
    /** Belgian eID card with a card reader. */
    EID(AssuranceLevel.LEVEL_500),
    /** The itsme app. */
    ITSME(AssuranceLevel.LEVEL_450),
    /** Username, password and a security code from a mobile app (TOTP). */
    PASSWORD_MOBILE_APP(AssuranceLevel.LEVEL_400),
    /** Username, password and a security code sent by e-mail or SMS. */
    PASSWORD_EMAIL_CODE(AssuranceLevel.LEVEL_350),
    /** Username, password and a code from the paper token of 24 codes; the only key for foreigners. */
    PASSWORD_TOKEN(AssuranceLevel.LEVEL_300),
    /** Username and password alone. */
    PASSWORD(AssuranceLevel.LEVEL_200),
    /** A recognised foreign eID, through the Belgian eIDAS node (notified at substantial or high). */
    FOREIGN_EID(AssuranceLevel.LEVEL_400),
    /** The legacy social-security login (username, password and token of the social-security portal). */
    SOCIAL_SECURITY(AssuranceLevel.LEVEL_300);

    private final AssuranceLevel level;

    DigitalKey(AssuranceLevel level) {
        this.level = level;
    }

    /** The level a login with this key achieves. */
    public AssuranceLevel level() {
        return level;
    }

    /** Whether this key satisfies a request for {@code minimum}. */
    public boolean satisfies(AssuranceLevel minimum) {
        return level.isAtLeast(Objects.requireNonNull(minimum, "minimum"));
    }
}
