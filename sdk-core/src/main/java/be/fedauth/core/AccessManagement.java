package be.fedauth.core;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who manages access for an enterprise in the CSAM model (csam.be, "beheer toegangsbeheerders"): its
 * legal representatives designate a Chief Access Manager, an employee or a legal representative, who may
 * have co-managers; the Chief Access Manager names access managers per domain (for the customs
 * e-services the domain {@value AccessPolicy#FINANCE_DOMAIN}); an access manager, or a Chief Access
 * Manager, grants roles by invitation in My eGov role management, and a role counts once the invited
 * person has accepted it ({@link RoleState#PROPOSED} until then).
 *
 * <p>This model stands beside the 2019 customs page's single local manager ({@link Enterprise#localManager()}),
 * which social security still names that way. {@link #NONE} means the enterprise is described by its
 * local manager alone. Whether a Chief Access Manager is an employee is the enterprise's declaration to
 * CSAM; fedauth does not check it. Immutable.
 *
 * @param legalRepresentatives the enterprise's legal representatives (they designate the Chief Access Manager)
 * @param chiefAccessManagers the Chief Access Manager and the co-managers, who all manage every domain
 * @param accessManagers the access managers of each domain, by domain name (e.g. {@code FINANCIEN})
 */
public record AccessManagement(Set<NationalRegisterNumber> legalRepresentatives,
                               Set<NationalRegisterNumber> chiefAccessManagers,
                               Map<String, Set<NationalRegisterNumber>> accessManagers) {
    /** No CSAM access management declared: the local manager model applies alone. */
    public static final AccessManagement NONE = new AccessManagement(Set.of(), Set.of(), Map.of());

    /** Validates and copies; a domain name is not blank. */
    public AccessManagement {
        legalRepresentatives = Set.copyOf(Objects.requireNonNull(legalRepresentatives, "legalRepresentatives"));
        chiefAccessManagers = Set.copyOf(Objects.requireNonNull(chiefAccessManagers, "chiefAccessManagers"));
        Objects.requireNonNull(accessManagers, "accessManagers");
        if (accessManagers.keySet().stream().anyMatch(d -> d == null || d.isBlank())) {
            throw new IllegalArgumentException("a domain has a name");
        }
        accessManagers = accessManagers.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    }

    /** Whether the enterprise declared anything of the CSAM model. */
    public boolean isDeclared() {
        return !legalRepresentatives.isEmpty() || !chiefAccessManagers.isEmpty() || !accessManagers.isEmpty();
    }

    /** The access managers of {@code domain}; empty when it has none. */
    public Set<NationalRegisterNumber> accessManagersOf(String domain) {
        return accessManagers.getOrDefault(Objects.requireNonNull(domain, "domain"), Set.of());
    }

    /** Whether {@code person} may grant roles of {@code domain}: one of its access managers or a Chief Access Manager. */
    public boolean canGrant(NationalRegisterNumber person, String domain) {
        Objects.requireNonNull(person, "person");
        return chiefAccessManagers.contains(person) || accessManagersOf(domain).contains(person);
    }
}
