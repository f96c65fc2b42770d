package be.fedauth.core;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the user should be told after a successful login, such as "your social-security login
 * stops after D".
 *
 * @param code a stable snake_case identifier of the kind of notice
 * @param lastDay the last day something still works, when the notice is about a deadline
 * @param messages the text in French, Dutch, German and English
 */
public record Notice(String code, Optional<LocalDate> lastDay, Map<Language, String> messages) {

    /** The code of {@link #legacyLoginEnding(LocalDate)}. */
    public static final String LEGACY_LOGIN_ENDING = "legacy_login_ending";

    /** Validates and copies. */
    public Notice {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(lastDay, "lastDay");
        messages = Map.copyOf(messages);
        for (Language language : Language.values()) {
            if (!messages.containsKey(language)) {
                throw new IllegalArgumentException("notice " + code + " has no " + language + " text");
            }
        }
    }

    /** The text in one language. */
    public String message(Language language) {
        return messages.get(Objects.requireNonNull(language, "language"));
    }

    /** The notice shown after a login through the legacy social-security login during its grace period. */
    public static Notice legacyLoginEnding(LocalDate lastDay) {
        String day = lastDay.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        Map<Language, String> texts = new EnumMap<>(Language.class);
        texts.put(Language.FR, "Vous vous êtes connecté via la sécurité sociale. Cette connexion reste possible jusqu'au "
                + day + " inclus ; utilisez ensuite le système d'authentification fédéral (CSAM).");
        texts.put(Language.NL, "U hebt zich aangemeld via de sociale zekerheid. Dit blijft mogelijk tot en met "
                + day + "; gebruik daarna de federale authenticatiedienst (CSAM).");
        texts.put(Language.DE, "Sie haben sich über die soziale Sicherheit angemeldet. Dies bleibt bis einschließlich "
                + day + " möglich; nutzen Sie danach den föderalen Authentifizierungsdienst (CSAM).");
        texts.put(Language.EN, "You logged in through social security. This remains possible until "
                + day + " inclusive; after that, use the federal login (CSAM).");
        return new Notice(LEGACY_LOGIN_ENDING, Optional.of(lastDay), texts);
    }
}
