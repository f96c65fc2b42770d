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
 * <p>{@link #EMCS}, {@link #NCTS} and {@link #PLDA} are built in; other services are made with the
 * constructor.
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

    /** Excise Movement and Control System. */
    public static final EService EMCS = new EService("EMCS", "Excise Movement and Control System",
            "emcs.helpdesk@minfin.fed.be", List.of("EMCS"), true);
    /** New Computerised Transit System; moved from the social-security login to BOSA FAS on 24/10/2019. */
    public static final EService NCTS = new EService("NCTS", "New Computerised Transit System",
            "ncts.helpdesk@minfin.fed.be", List.of("NCTS"), false);
    /** Paperless Douane et Accises. */
    public static final EService PLDA = new EService("PLDA", "Paperless Douane et Accises",
            "plda.helpdesk@minfin.fed.be", List.of("Douane et Accises Paperless", "PLDA"), true);

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

    /** The three built-in services. */
    public static List<EService> builtIn() {
        return List.of(EMCS, NCTS, PLDA);
    }

    /** The built-in service with this id (case-insensitive), or empty. */
    public static Optional<EService> builtIn(String id) {
        Objects.requireNonNull(id, "id");
        String upper = id.toUpperCase(Locale.ROOT);
        return builtIn().stream().filter(s -> s.id.equals(upper)).findFirst();
    }
}
