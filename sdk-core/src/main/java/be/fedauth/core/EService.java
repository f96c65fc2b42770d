package be.fedauth.core;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A customs e-service that users log in to: its id, its name, the helpdesk mailbox that answers for
 * it, the role names that give access to it in role management, and whether it accepts mandates.
 *
 * <p>{@link #EMCS}, {@link #NCTS}, {@link #PLDA} (the 2019 page) and {@link #IDMS}, {@link #AES} (which
 * replaced PLDA for import and export in 2024) are built in, with their helpdesk mailbox from
 * {@link Timeline#standard()}; other services are made with the constructor. Their phases, cutovers
 * and identity providers over time are in the {@link Timeline}.
 *
 * @param id short upper-case identifier, such as "NCTS"
 * @param name the full name
 * @param helpdeskMailbox the e-mail address of the service's helpdesk
 * @param roleNames the names under which role management shows the roles for this service (for pages
 *     and guidance); {@link AccessPolicy} matches released roles on the service id, which
 *     {@link ReleasedClaims} carries
 * @param mandatesAccepted whether a mandate can give access (only some applications accept them)
 */
public record EService(String id, String name, String helpdeskMailbox, List<String> roleNames,
                       boolean mandatesAccepted) {

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_-]{1,31}");

    /** Excise Movement and Control System (EMCS 4.0 from 13/02/2023, 4.1 from 13/02/2024). */
    public static final EService EMCS = new EService("EMCS", "Excise Movement and Control System",
            mailbox("EMCS"), List.of("EMCS"), true);
    /**
     * New Computerised Transit System; moved from the social-security login to BOSA FAS on 24/10/2019,
     * and to phase 5 on 21/01/2025 (NCTS 4 switched off). Its mailbox is helpdesk.ncts@ as on the
     * Web-NCTS page (the 2019 page wrote ncts.helpdesk@).
     */
    public static final EService NCTS = new EService("NCTS", "New Computerised Transit System",
            mailbox("NCTS"), List.of("NCTS"), false);
    /** Paperless Douane et Accises; replaced by IDMS and AES in 2024, still used for some customs-warehouse placements. */
    public static final EService PLDA = new EService("PLDA", "Paperless Douane et Accises",
            mailbox("PLDA"), List.of("Douane et Accises Paperless", "PLDA"), true);
    /**
     * Import Declaration Management System, in production since 23/10/2024 (replaces PLDA for import).
     * Its role name and whether it accepts mandates are not public: fedauth assumes the id and no mandates.
     */
    public static final EService IDMS = new EService("IDMS", "Import Declaration Management System",
            mailbox("IDMS"), List.of("IDMS"), false);
    /**
     * Automated Export System (replaces PLDA for export, 2024). Its role name and whether it accepts
     * mandates are not public: fedauth assumes the id and no mandates.
     */
    public static final EService AES = new EService("AES", "Automated Export System",
            mailbox("AES"), List.of("AES"), false);

    /** Validates and copies. */
    public EService {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(helpdeskMailbox, "helpdeskMailbox");
        roleNames = List.copyOf(roleNames);
        if (!ID.matcher(id).matches()) {
            throw new ConfigurationException("an e-service id is 2 to 32 upper-case letters, digits, '-' or '_'");
        }
        if (!helpdeskMailbox.contains("@")) {
            throw new ConfigurationException("the helpdesk mailbox of " + id + " is not an e-mail address");
        }
    }

    /** The built-in services: EMCS, NCTS, PLDA, then IDMS and AES. */
    public static List<EService> builtIn() {
        return List.of(EMCS, NCTS, PLDA, IDMS, AES);
    }

    private static String mailbox(String id) {
        return Timeline.standard().helpdesk(id, "mailbox")
                .orElseThrow(() -> new ConfigurationException("the shipped timeline has no mailbox for " + id));
    }

    /** The built-in service with this id (case-insensitive), or empty. */
    public static Optional<EService> builtIn(String id) {
        Objects.requireNonNull(id, "id");
        String upper = id.toUpperCase(Locale.ROOT);
        return builtIn().stream().filter(s -> s.id.equals(upper)).findFirst();
    }
}
