package be.fedauth.testkit.internal;

import be.fedauth.core.DigitalKey;
import be.fedauth.core.Language;

import java.util.EnumMap;
import java.util.Map;

/** The words of the login page in French, Dutch, German and English. */
final class LoginTexts {
    private static final Map<Language, String[]> PAGE = new EnumMap<>(Language.class);
    private static final Map<Language, Map<DigitalKey, String>> KEYS = new EnumMap<>(Language.class);

    // title, intro, relying party label, cancel, expired, no persona, test-only banner, foreigner note while
    // the token route is open (until 31/01/2024), foreigner note after it
    static {
        PAGE.put(Language.FR, new String[] {"Connexion (IdP de test)",
            "Choisissez une persona et la clé numérique avec laquelle elle se connecte.", "Application",
            "Annuler", "Cette connexion a expiré ou est inconnue : recommencez depuis l'application.",
            "Aucune persona ne peut se connecter ici.", "Fournisseur d'identité factice : jamais en production.",
            "étranger : token uniquement", "étranger"});
        PAGE.put(Language.NL, new String[] {"Aanmelden (test-IdP)",
            "Kies een persona en de digitale sleutel waarmee ze zich aanmeldt.", "Toepassing",
            "Annuleren", "Deze aanmelding is verlopen of onbekend: begin opnieuw vanuit de toepassing.",
            "Geen enkele persona kan zich hier aanmelden.", "Nagebootste identiteitsprovider: nooit in productie.",
            "buitenlander: enkel token", "buitenlander"});
        PAGE.put(Language.DE, new String[] {"Anmeldung (Test-IdP)",
            "Wählen Sie eine Persona und den digitalen Schlüssel, mit dem sie sich anmeldet.", "Anwendung",
            "Abbrechen", "Diese Anmeldung ist abgelaufen oder unbekannt: beginnen Sie erneut in der Anwendung.",
            "Keine Persona kann sich hier anmelden.", "Nachgebildeter Identitätsanbieter: nie in Produktion.",
            "Ausländer: nur Token", "Ausländer"});
        PAGE.put(Language.EN, new String[] {"Log in (test IdP)",
            "Choose a persona and the digital key it logs in with.", "Application",
            "Cancel", "This login has expired or is unknown: start again from the application.",
            "No persona can log in here.", "Fake identity provider: never in production.",
            "foreigner: token only", "foreigner"});
        KEYS.put(Language.FR, keys("Carte eID et lecteur", "itsme", "Code de sécurité via application mobile",
                "Code de sécurité par e-mail", "Token", "Nom d'utilisateur et mot de passe", "eID européenne",
                "Sécurité sociale : utilisateur et mot de passe", "Code de sécurité par SMS"));
        KEYS.put(Language.NL, keys("eID-kaart en kaartlezer", "itsme", "Beveiligingscode via mobiele app",
                "Beveiligingscode via e-mail", "Token", "Gebruikersnaam en wachtwoord", "Europese eID",
                "Sociale zekerheid: gebruikersnaam en wachtwoord", "Beveiligingscode via sms"));
        KEYS.put(Language.DE, keys("eID-Karte und Kartenleser", "itsme", "Sicherheitscode per Mobil-App",
                "Sicherheitscode per E-Mail", "Token", "Benutzername und Passwort", "Europäische eID",
                "Soziale Sicherheit: Benutzername und Passwort", "Sicherheitscode per SMS"));
        KEYS.put(Language.EN, keys("eID card and reader", "itsme", "Security code from a mobile app",
                "Security code by e-mail", "Token", "Username and password", "European eID",
                "Social security: username and password", "Security code by SMS"));
    }

    private static Map<DigitalKey, String> keys(String... names) {
        Map<DigitalKey, String> map = new EnumMap<>(DigitalKey.class);
        map.put(DigitalKey.EID, names[0]);
        map.put(DigitalKey.ITSME, names[1]);
        map.put(DigitalKey.PASSWORD_MOBILE_APP, names[2]);
        map.put(DigitalKey.PASSWORD_EMAIL_CODE, names[3]);
        map.put(DigitalKey.PASSWORD_TOKEN, names[4]);
        map.put(DigitalKey.PASSWORD, names[5]);
        map.put(DigitalKey.FOREIGN_EID, names[6]);
        map.put(DigitalKey.SOCIAL_SECURITY, names[7]);
        map.put(DigitalKey.PASSWORD_SMS_CODE, names[8]);
        map.put(DigitalKey.MYGOV, "MyGov.be");
        map.put(DigitalKey.COMMERCIAL_CERTIFICATE, "CSAM + certificate");
        return map;
    }

    private final String[] page;
    private final Map<DigitalKey, String> keyNames;

    LoginTexts(Language language) {
        this.page = PAGE.get(language);
        this.keyNames = KEYS.get(language);
    }

    String title() {
        return page[0];
    }

    String intro() {
        return page[1];
    }

    String relyingParty() {
        return page[2];
    }

    String cancel() {
        return page[3];
    }

    String expired() {
        return page[4];
    }

    String nobody() {
        return page[5];
    }

    String testOnly() {
        return page[6];
    }

    String foreignerNote(boolean tokenOnly) {
        return tokenOnly ? page[7] : page[8];
    }

    /** The key's name on the page; its constant's name for a key without one ({@code UNNAMED}). */
    String key(DigitalKey key) {
        return keyNames.getOrDefault(key, key.name());
    }
}
