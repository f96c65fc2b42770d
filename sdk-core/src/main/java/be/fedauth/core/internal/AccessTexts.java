package be.fedauth.core.internal;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.Grantor;
import be.fedauth.core.Language;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The texts of an access denial that names who can grant the missing role in the CSAM model (csam.be:
 * Chief Access Manager, co-managers, access managers per domain, roles by invitation), in French, Dutch,
 * German and English: an opening by reason, then whom to ask. The local manager of the 2019 page keeps
 * the general texts of {@link GuidanceTexts}.
 */
public final class AccessTexts {
    private static final Map<ErrorCode, String[]> OPENING = new EnumMap<>(ErrorCode.class);
    private static final Map<Grantor.Kind, String[]> WHOM = new EnumMap<>(Grantor.Kind.class);

    // fr, nl, de, en; {d} is the domain.
    static {
        OPENING.put(ErrorCode.ROLE_MISSING, new String[] {
            "Vous n'avez pas de rôle valable pour cette application.",
            "U hebt geen geldige rol voor deze toepassing.",
            "Sie haben keine gültige Rolle für diese Anwendung.",
            "You have no valid role for this application."});
        String[] ended = {
            "Votre rôle pour cette application a été retiré ou a pris fin.",
            "Uw rol voor deze toepassing werd ingetrokken of is afgelopen.",
            "Ihre Rolle für diese Anwendung wurde entzogen oder ist abgelaufen.",
            "Your role for this application was withdrawn or has ended."};
        OPENING.put(ErrorCode.ROLE_REVOKED, ended);
        OPENING.put(ErrorCode.ROLE_EXPIRED, ended);
        OPENING.put(ErrorCode.MANDATES_NOT_SUPPORTED, new String[] {
            "Cette application n'accepte pas les mandats : il vous faut un rôle.",
            "Deze toepassing aanvaardt geen mandaten: u hebt een rol nodig.",
            "Diese Anwendung akzeptiert keine Mandate: Sie brauchen eine Rolle.",
            "This application does not accept mandates: you need a role."});
        WHOM.put(Grantor.Kind.ACCESS_MANAGER, new String[] {
            "Demandez à un gestionnaire d'accès de votre entreprise pour le domaine {d} de vous inviter au rôle dans My eGov role management, puis acceptez l'invitation.",
            "Vraag een toegangsbeheerder van uw onderneming voor het domein {d} u voor de rol uit te nodigen in My eGov role management en aanvaard daarna de uitnodiging.",
            "Bitten Sie einen Zugangsverwalter Ihres Unternehmens für den Bereich {d}, Sie in My eGov role management zu der Rolle einzuladen, und nehmen Sie die Einladung dann an.",
            "Ask an access manager of your enterprise for the domain {d} to invite you to the role in My eGov role management, then accept the invitation."});
        WHOM.put(Grantor.Kind.CHIEF_ACCESS_MANAGER, new String[] {
            "Votre entreprise n'a pas de gestionnaire d'accès pour le domaine {d} : demandez à son gestionnaire d'accès principal (ou à un co-gestionnaire) de vous inviter au rôle, puis acceptez l'invitation.",
            "Uw onderneming heeft geen toegangsbeheerder voor het domein {d}: vraag haar hoofdtoegangsbeheerder (of een medebeheerder) u voor de rol uit te nodigen en aanvaard daarna de uitnodiging.",
            "Ihr Unternehmen hat keinen Zugangsverwalter für den Bereich {d}: Bitten Sie seinen Hauptzugangsverwalter (oder einen Mitverwalter), Sie zu der Rolle einzuladen, und nehmen Sie die Einladung dann an.",
            "Your enterprise has no access manager for the domain {d}: ask its Chief Access Manager (or a co-manager) to invite you to the role, then accept the invitation."});
        WHOM.put(Grantor.Kind.LEGAL_REPRESENTATIVE, new String[] {
            "Votre entreprise n'a pas encore de gestionnaire d'accès principal : un représentant légal doit d'abord en désigner un (un employé ou un représentant légal, voir csam.be), qui vous invitera ensuite au rôle.",
            "Uw onderneming heeft nog geen hoofdtoegangsbeheerder: een wettelijke vertegenwoordiger moet er eerst een aanwijzen (een werknemer of een wettelijke vertegenwoordiger, zie csam.be), die u daarna voor de rol uitnodigt.",
            "Ihr Unternehmen hat noch keinen Hauptzugangsverwalter: Ein gesetzlicher Vertreter muss zuerst einen benennen (einen Angestellten oder einen gesetzlichen Vertreter, siehe csam.be), der Sie dann zu der Rolle einlädt.",
            "Your enterprise has no Chief Access Manager yet: a legal representative must first designate one (an employee or a legal representative, see csam.be), who then invites you to the role."});
        WHOM.put(Grantor.Kind.THE_USER, new String[] {
            "Vous gérez les accès de votre entreprise pour le domaine {d} : attribuez-vous le rôle dans My eGov role management, acceptez-le, puis reconnectez-vous.",
            "U beheert de toegang van uw onderneming voor het domein {d}: ken uzelf de rol toe in My eGov role management, aanvaard ze en meld u opnieuw aan.",
            "Sie verwalten den Zugang Ihres Unternehmens für den Bereich {d}: Weisen Sie sich die Rolle in My eGov role management zu, nehmen Sie sie an und melden Sie sich erneut an.",
            "You manage access for your enterprise in the domain {d}: grant yourself the role in My eGov role management, accept it, then log in again."});
    }

    private AccessTexts() {
    }

    /**
     * The message for a denial with {@code code} naming {@code grantor}; empty for the local manager (the
     * general text already names them) and for a code that is not about a role to grant.
     */
    public static Optional<String> message(ErrorCode code, Grantor grantor, Language language) {
        String[] opening = OPENING.get(code);
        String[] whom = WHOM.get(grantor.kind());
        if (opening == null || whom == null) {
            return Optional.empty();
        }
        int i = switch (language) {
            case FR -> 0;
            case NL -> 1;
            case DE -> 2;
            case EN -> 3;
        };
        return Optional.of(opening[i] + " " + whom[i].replace("{d}", grantor.domain()));
    }
}
