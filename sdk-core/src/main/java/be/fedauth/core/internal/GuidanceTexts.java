package be.fedauth.core.internal;

import be.fedauth.core.Advice;
import be.fedauth.core.Helpdesk;
import be.fedauth.core.Language;
import be.fedauth.core.Timeline;
import be.fedauth.core.TimelineEntry;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The user-facing texts of {@link be.fedauth.core.Guidance}, in French, Dutch, German and English. Dated
 * facts (mailboxes, pages, which foreigner routes are open) come from the {@link Timeline}.
 */
public final class GuidanceTexts {
    private static final Map<Advice, Map<Language, String>> TEXTS = new EnumMap<>(Advice.class);

    static {
        put(Advice.RETRY_LOGIN,
                "La connexion n'a pas abouti. Veuillez vous reconnecter.",
                "Het aanmelden is niet gelukt. Meld u opnieuw aan.",
                "Die Anmeldung ist fehlgeschlagen. Bitte melden Sie sich erneut an.",
                "The login did not complete. Please log in again.");
        put(Advice.SESSION_ENDED,
                "Votre session a pris fin (inactivité prolongée ou durée maximale atteinte). Veuillez vous reconnecter.",
                "Uw sessie is beëindigd (te lang inactief of maximale duur bereikt). Meld u opnieuw aan.",
                "Ihre Sitzung ist abgelaufen (zu lange inaktiv oder Höchstdauer erreicht). Bitte melden Sie sich erneut an.",
                "Your session has ended (inactive for too long, or its maximum duration was reached). Please log in again.");
        put(Advice.RETRY_LATER,
                "Le service d'authentification est momentanément indisponible. Veuillez réessayer dans quelques minutes.",
                "De authenticatiedienst is tijdelijk niet beschikbaar. Probeer het over enkele minuten opnieuw.",
                "Der Authentifizierungsdienst ist vorübergehend nicht verfügbar. Bitte versuchen Sie es in einigen Minuten erneut.",
                "The login service is temporarily unavailable. Please try again in a few minutes.");
        put(Advice.CONTACT_HELPDESK,
                "La connexion a été refusée pour une raison technique. Contactez le helpdesk en mentionnant le code d'erreur.",
                "Het aanmelden werd om een technische reden geweigerd. Neem contact op met de helpdesk en vermeld de foutcode.",
                "Die Anmeldung wurde aus technischen Gründen abgelehnt. Wenden Sie sich unter Angabe des Fehlercodes an den Helpdesk.",
                "The login was refused for a technical reason. Contact the helpdesk and quote the error code.");
        put(Advice.CHECK_INPUT,
                "Le numéro saisi n'est pas valide. Vérifiez-le et réessayez.",
                "Het ingevoerde nummer is ongeldig. Controleer het en probeer opnieuw.",
                "Die eingegebene Nummer ist ungültig. Bitte prüfen Sie sie und versuchen Sie es erneut.",
                "The number entered is not valid. Check it and try again.");
        put(Advice.CHECK_CLOCK,
                "L'heure de votre ordinateur ou du service semble incorrecte. Vérifiez l'heure de votre ordinateur puis reconnectez-vous.",
                "De klok van uw computer of van de dienst lijkt niet juist. Controleer de klok van uw computer en meld u opnieuw aan.",
                "Die Uhrzeit Ihres Computers oder des Dienstes scheint falsch zu sein. Prüfen Sie die Uhrzeit Ihres Computers und melden Sie sich erneut an.",
                "Your computer's clock or the service's seems wrong. Check your computer's clock, then log in again.");
        put(Advice.USE_STRONGER_KEY,
                "Cette application exige une clé numérique plus sûre. Connectez-vous avec votre eID ou itsme.",
                "Deze toepassing vereist een veiligere digitale sleutel. Meld u aan met uw eID of itsme.",
                "Diese Anwendung verlangt einen sichereren digitalen Schlüssel. Melden Sie sich mit Ihrer eID oder itsme an.",
                "This application requires a stronger digital key. Log in with your eID or itsme.");
        put(Advice.USE_OFFERED_KEY,
                "Cette clé numérique ne peut pas être utilisée ici. Choisissez une des clés proposées (eID, itsme, application mobile).",
                "Deze digitale sleutel kan hier niet gebruikt worden. Kies een van de aangeboden sleutels (eID, itsme, mobiele app).",
                "Dieser digitale Schlüssel kann hier nicht verwendet werden. Wählen Sie einen der angebotenen Schlüssel (eID, itsme, mobile App).",
                "This digital key cannot be used here. Choose one of the keys offered (eID, itsme, mobile app).");
        put(Advice.FOREIGNER_TOKEN,
                "Les utilisateurs étrangers se connectent uniquement avec un token. Demandez-le par e-mail à "
                        + Helpdesk.FOREIGNER_TOKEN_MAILBOX + " ; vous serez invité à Bruxelles pour une vérification d'identité.",
                "Buitenlandse gebruikers melden zich alleen aan met een token. Vraag het aan per e-mail via "
                        + Helpdesk.FOREIGNER_TOKEN_MAILBOX + "; u wordt uitgenodigd in Brussel voor een identiteitscontrole.",
                "Ausländische Benutzer melden sich nur mit einem Token an. Beantragen Sie es per E-Mail an "
                        + Helpdesk.FOREIGNER_TOKEN_MAILBOX + "; Sie werden zu einer Identitätsprüfung nach Brüssel eingeladen.",
                "Foreign users log in with a token only. Request it by e-mail from "
                        + Helpdesk.FOREIGNER_TOKEN_MAILBOX + "; you will be invited to Brussels for an identity check.");
        put(Advice.FOREIGNER_ROUTES,
                "Les utilisateurs étrangers se connectent avec une eID étrangère reconnue (eIDAS), avec un compte ForReg du SPF Finances "
                        + "(enregistrement en ligne puis contrôle vidéo), ou avec une clé numérique belge obtenue par identification vidéo "
                        + "sur mybelgianid.be. Le token n'est plus une clé numérique.",
                "Buitenlandse gebruikers melden zich aan met een erkende buitenlandse eID (eIDAS), met een ForReg-account van de FOD "
                        + "Financiën (online registratie en daarna een videocontrole), of met een Belgische digitale sleutel verkregen via "
                        + "video-identificatie op mybelgianid.be. Het token is geen digitale sleutel meer.",
                "Ausländische Benutzer melden sich mit einer anerkannten ausländischen eID (eIDAS), mit einem ForReg-Konto des FÖD "
                        + "Finanzen (Online-Registrierung, dann Videoprüfung) oder mit einem belgischen digitalen Schlüssel an, den sie per "
                        + "Video-Identifizierung auf mybelgianid.be erhalten. Das Token ist kein digitaler Schlüssel mehr.",
                "Foreign users log in with a recognised foreign eID (eIDAS), with an FPS Finance ForReg account (online registration, "
                        + "then a video check), or with a Belgian digital key obtained through video identification at mybelgianid.be. "
                        + "The token is no longer a digital key.");
        put(Advice.LEGACY_LOGIN_ENDED,
                "La connexion via la sécurité sociale n'est plus possible pour cette application. Connectez-vous via le système d'authentification fédéral (CSAM).",
                "Aanmelden via de sociale zekerheid is voor deze toepassing niet meer mogelijk. Meld u aan via de federale authenticatiedienst (CSAM).",
                "Die Anmeldung über die soziale Sicherheit ist für diese Anwendung nicht mehr möglich. Melden Sie sich über den föderalen Authentifizierungsdienst (CSAM) an.",
                "Logging in through social security is no longer possible for this application. Log in through the federal login (CSAM).");
        put(Advice.ASK_LOCAL_MANAGER,
                "Vous n'avez pas de rôle valable pour cette application. Demandez au gestionnaire local de votre entreprise de vous attribuer le rôle.",
                "U hebt geen geldige rol voor deze toepassing. Vraag de lokale beheerder van uw onderneming u de rol toe te kennen.",
                "Sie haben keine gültige Rolle für diese Anwendung. Bitten Sie den lokalen Verwalter Ihres Unternehmens, Ihnen die Rolle zuzuweisen.",
                "You have no valid role for this application. Ask your enterprise's local manager to give you the role.");
        put(Advice.ACCEPT_ROLE,
                "Un rôle vous a été proposé mais vous ne l'avez pas encore accepté. Acceptez-le dans la gestion des rôles, puis reconnectez-vous.",
                "Er werd u een rol voorgesteld die u nog niet aanvaard hebt. Aanvaard ze in het rollenbeheer en meld u opnieuw aan.",
                "Ihnen wurde eine Rolle vorgeschlagen, die Sie noch nicht angenommen haben. Nehmen Sie sie in der Rollenverwaltung an und melden Sie sich erneut an.",
                "A role was proposed to you but you have not accepted it yet. Accept the role in role management, then log in again.");
        put(Advice.SIGN_MANDATE,
                "Le mandat n'est actif que lorsque les deux parties l'ont signé. Faites signer le mandat, puis reconnectez-vous.",
                "Het mandaat is pas actief als beide partijen het ondertekend hebben. Laat het mandaat ondertekenen en meld u opnieuw aan.",
                "Das Mandat ist erst aktiv, wenn beide Parteien es unterzeichnet haben. Lassen Sie das Mandat unterzeichnen und melden Sie sich erneut an.",
                "The mandate is active only once both parties have signed it. Have the mandate signed, then log in again.");
        put(Advice.RENEW_MANDATE,
                "Votre mandat n'est pas valable pour cette application ou à cette date. Demandez au mandant de le prolonger ou de l'étendre.",
                "Uw mandaat is niet geldig voor deze toepassing of op deze datum. Vraag de mandaatgever het te verlengen of uit te breiden.",
                "Ihr Mandat gilt nicht für diese Anwendung oder an diesem Datum. Bitten Sie den Mandatgeber, es zu verlängern oder zu erweitern.",
                "Your mandate is not valid for this application or on this date. Ask the mandate giver to extend it.");
    }

    private GuidanceTexts() {
    }

    private static void put(Advice advice, String fr, String nl, String de, String en) {
        Map<Language, String> texts = new EnumMap<>(Language.class);
        texts.put(Language.FR, fr);
        texts.put(Language.NL, nl);
        texts.put(Language.DE, de);
        texts.put(Language.EN, en);
        TEXTS.put(advice, texts);
    }

    /** The text of an advice; every advice has all four languages (a test checks it). */
    public static String message(Advice advice, Language language) {
        Map<Language, String> texts = TEXTS.get(advice);
        String text = texts == null ? null : texts.get(language);
        if (text == null) {
            throw new IllegalStateException("no text for " + advice + " in " + language);
        }
        return text;
    }

    /** When the helpdesk phone is answered. */
    public static String hours(Language language) {
        return switch (language) {
            case FR -> "du lundi au vendredi de 8h à 18h";
            case NL -> "van maandag tot vrijdag van 8 tot 18 uur";
            case DE -> "montags bis freitags von 8 bis 18 Uhr";
            case EN -> "Monday to Friday, 08:00 to 18:00";
        };
    }

    /** The page that answers an advice, when there is one. */
    public static Optional<URI> helpPage(Advice advice, Language language) {
        String lang = language == Language.NL ? "nl" : language == Language.FR ? "fr" : language == Language.DE ? "de" : "en";
        return switch (advice) {
            case ASK_LOCAL_MANAGER, ACCEPT_ROLE -> Optional.of(URI.create("https://rma-help.fedict.belgium.be/" + lang + "/faqs"));
            case SIGN_MANDATE, RENEW_MANDATE -> Optional.of(URI.create("https://www.loginhulp.be/46.php?langue=" + lang.toUpperCase(java.util.Locale.ROOT)));
            case FOREIGNER_TOKEN -> Optional.of(URI.create("mailto:" + Helpdesk.FOREIGNER_TOKEN_MAILBOX));
            case FOREIGNER_ROUTES -> Timeline.standard().entries(TimelineEntry.Kind.FOREIGNER_ROUTE).stream()
                    .filter(e -> e.subject().equals("FORREG")).findFirst().flatMap(e -> e.attribute("page")).map(URI::create);
            default -> Optional.empty();
        };
    }

    /** One sentence naming the phone, the hours, and the mailbox and help page where present. */
    public static String contactLine(Language language, Helpdesk helpdesk) {
        String phone = helpdesk.phone() + " (" + helpdesk.hours() + ")";
        String mail = helpdesk.mailbox().orElse(null);
        String page = helpdesk.helpPage().map(URI::toString).orElse(null);
        StringBuilder line = new StringBuilder();
        switch (language) {
            case FR -> {
                if (page != null) line.append("Aide : ").append(page).append(". ");
                line.append("Helpdesk : ").append(phone);
                if (mail != null) line.append(" ou ").append(mail);
            }
            case NL -> {
                if (page != null) line.append("Hulp: ").append(page).append(". ");
                line.append("Helpdesk: ").append(phone);
                if (mail != null) line.append(" of ").append(mail);
            }
            case DE -> {
                if (page != null) line.append("Hilfe: ").append(page).append(". ");
                line.append("Helpdesk: ").append(phone);
                if (mail != null) line.append(" oder ").append(mail);
            }
            case EN -> {
                if (page != null) line.append("Help: ").append(page).append(". ");
                line.append("Helpdesk: ").append(phone);
                if (mail != null) line.append(" or ").append(mail);
            }
        }
        return line.append('.').toString();
    }
}
