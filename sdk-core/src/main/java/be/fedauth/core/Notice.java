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
    /** The code of {@link #keyDeprecated(DigitalKey, Optional)}. */
    public static final String KEY_DEPRECATED = "key_deprecated";
    /** The code of {@link #unnamedKey(AssuranceLevel)}. */
    public static final String UNNAMED_KEY = "unnamed_key";

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

    /**
     * The notice after a login with a key being phased out ({@link Timeline} {@code key.deprecated}):
     * it still works, until {@code lastDay} when its retirement is dated.
     */
    public static Notice keyDeprecated(DigitalKey key, Optional<LocalDate> lastDay) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(lastDay, "lastDay");
        String until = lastDay.map(d -> d.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))).orElse(null);
        Map<Language, String> texts = new EnumMap<>(Language.class);
        texts.put(Language.FR, "La clé numérique utilisée sera bientôt retirée" + (until == null ? "" : " (dernier jour : " + until + ")")
                + ". Activez dès maintenant une autre clé : eID, itsme, MyGov.be ou un code de sécurité par application, e-mail ou SMS.");
        texts.put(Language.NL, "De gebruikte digitale sleutel wordt binnenkort afgeschaft" + (until == null ? "" : " (laatste dag: " + until + ")")
                + ". Activeer nu een andere sleutel: eID, itsme, MyGov.be of een beveiligingscode via app, e-mail of sms.");
        texts.put(Language.DE, "Der verwendete digitale Schlüssel wird bald abgeschafft" + (until == null ? "" : " (letzter Tag: " + until + ")")
                + ". Aktivieren Sie jetzt einen anderen Schlüssel: eID, itsme, MyGov.be oder einen Sicherheitscode per App, E-Mail oder SMS.");
        texts.put(Language.EN, "The digital key you used is being retired" + (until == null ? "" : " (last day: " + until + ")")
                + ". Set up another key now: eID, itsme, MyGov.be, or a security code by app, e-mail or SMS.");
        return new Notice(KEY_DEPRECATED, lastDay, texts);
    }

    /**
     * The notice for the application after a login whose key the identity provider reported in words
     * fedauth does not name (a key FAS added, such as MyGov.be): it was accepted by its level alone.
     * Applications may log it or show it to administrators; users need not act.
     */
    public static Notice unnamedKey(AssuranceLevel level) {
        Objects.requireNonNull(level, "level");
        int n = level.value();
        Map<Language, String> texts = new EnumMap<>(Language.class);
        texts.put(Language.FR, "Le fournisseur d'identité n'a pas nommé la clé numérique utilisée : connexion acceptée à son niveau " + n + ".");
        texts.put(Language.NL, "De identiteitsprovider noemde de gebruikte digitale sleutel niet: aanmelding aanvaard op niveau " + n + ".");
        texts.put(Language.DE, "Der Identitätsanbieter hat den verwendeten digitalen Schlüssel nicht genannt: Anmeldung auf Stufe " + n + " angenommen.");
        texts.put(Language.EN, "The identity provider did not name the digital key used: login accepted at its level " + n + ".");
        return new Notice(UNNAMED_KEY, Optional.empty(), texts);
    }
}
