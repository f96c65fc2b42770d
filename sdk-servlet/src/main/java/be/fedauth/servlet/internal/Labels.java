package be.fedauth.servlet.internal;

import be.fedauth.core.Language;

/** The few words of the built-in pages, in French, Dutch, German and English. */
enum Labels {
    ACCESS_DENIED("Accès refusé", "Toegang geweigerd", "Zugriff verweigert", "Access denied"),
    LOGIN_FAILED("La connexion a échoué", "Aanmelden mislukt", "Anmeldung fehlgeschlagen", "Login failed"),
    LOGOUT_FAILED("La déconnexion a échoué", "Afmelden mislukt", "Abmeldung fehlgeschlagen", "Logout failed"),
    APPLICATION("Application", "Toepassing", "Anwendung", "Application"),
    PHONE("Téléphone", "Telefoon", "Telefon", "Phone"),
    FROM_ABROAD("Depuis l'étranger", "Vanuit het buitenland", "Aus dem Ausland", "From abroad"),
    EMAIL("E-mail", "E-mail", "E-Mail", "E-mail"),
    HELP("Aide", "Hulp", "Hilfe", "Help"),
    ERROR_CODE("Code d'erreur", "Foutcode", "Fehlercode", "Error code"),
    LOG_IN_AGAIN("Se reconnecter", "Opnieuw aanmelden", "Erneut anmelden", "Log in again"),
    CONTINUE("Continuer", "Doorgaan", "Weiter", "Continue"),
    REDIRECTING("Connexion en cours", "Bezig met aanmelden", "Anmeldung läuft", "Logging in");

    private final String fr;
    private final String nl;
    private final String de;
    private final String en;

    Labels(String fr, String nl, String de, String en) {
        this.fr = fr;
        this.nl = nl;
        this.de = de;
        this.en = en;
    }

    String in(Language language) {
        return switch (language) {
            case FR -> fr;
            case NL -> nl;
            case DE -> de;
            case EN -> en;
        };
    }
}
