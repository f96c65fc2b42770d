package be.fedauth.demo;

import be.fedauth.core.AccessManagement;
import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.EService;
import be.fedauth.core.Enterprise;
import be.fedauth.core.EnterpriseNumber;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.Mandate;
import be.fedauth.core.NationalRegisterNumber;
import be.fedauth.core.RoleGrant;
import be.fedauth.core.RoleState;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The portal's register of enterprises and their local managers (those of the testkit's personas),
 * and the choice of the enterprise a user acts for: the {@code enterprise} parameter (kept in the
 * session), else the first enterprise the user has a role, a mandate or the local manager's seat in.
 */
final class EnterpriseRegister {
    static final String SESSION_ATTRIBUTE = "demo.enterprise";
    private static final NationalRegisterNumber DIRK_JANSSENS = NationalRegisterNumber.parse("68092301708");
    private static final NationalRegisterNumber SOFIE_MAES = NationalRegisterNumber.parse("71020200285");
    private static final NationalRegisterNumber LUC_VERBEKE = NationalRegisterNumber.parse("72030300382");

    /**
     * The 2019 model (a local manager) for the first two; the CSAM model for Douane Logistics BV: Sofie
     * Maes, legal representative, is its Chief Access Manager, Luc Verbeke her co-manager, and no access
     * manager is named for the domain FINANCIEN (the persona file does not carry these functions).
     */
    private final List<Enterprise> known = List.of(
            new Enterprise(EnterpriseNumber.parse("0412345614"), "Transport Dubois SA", Optional.of(DIRK_JANSSENS)),
            new Enterprise(EnterpriseNumber.parse("0876543270"), "Import Export Antwerpen NV", Optional.of(DIRK_JANSSENS)),
            new Enterprise(EnterpriseNumber.parse("0812345603"), "Douane Logistics BV", Optional.empty(),
                    new AccessManagement(Set.of(SOFIE_MAES), Set.of(SOFIE_MAES, LUC_VERBEKE), Map.of())));

    /**
     * Role proposals that role management knows and the identity provider does not release (it releases
     * accepted roles only): those of the testkit's personas.
     */
    /** When the testkit persona's NCTS role was proposed (its personas.json: 1 March 2024, UTC); fixture data. */
    private static final Instant PROPOSED_ON = Instant.ofEpochSecond(1_709_251_200L);

    private final List<RoleProposal> proposals = List.of(new RoleProposal(NationalRegisterNumber.parse("92051124534"),
            new RoleGrant("NCTS", EnterpriseNumber.parse("0412345614"), "NCTS", RoleState.PROPOSED,
                    PROPOSED_ON, Optional.empty())));

    /** A role proposed to a person. */
    private record RoleProposal(NationalRegisterNumber person, RoleGrant role) {
    }

    /** The {@code UserEnricher} of the filter: adds the user's role proposals from role management. */
    AuthenticatedUser withProposals(HttpServletRequest request, AuthenticatedUser user) {
        List<RoleGrant> roles = new ArrayList<>(user.roles());
        proposals.stream().filter(p -> user.identity().nationalNumber().equals(Optional.of(p.person())))
                .map(RoleProposal::role)
                .filter(r -> roles.stream().noneMatch(g -> g.eServiceId().equals(r.eServiceId())
                        && g.enterprise().equals(r.enterprise())))
                .forEach(roles::add);
        return roles.size() == user.roles().size() ? user : new AuthenticatedUser(user.identity(), user.key(),
                user.level(), user.provider(), user.authenticatedAt(), roles, user.mandates(), user.notices(),
                user.session(), user.notAfter());
    }

    /** The enterprise with this number: from the register, else one with no known local manager. */
    Enterprise enterprise(EnterpriseNumber number) {
        return known.stream().filter(e -> e.number().equals(number)).findFirst()
                .orElseGet(() -> new Enterprise(number, "Enterprise " + number, Optional.empty()));
    }

    /** The enterprises the user is related to: roles, mandates, local manager; else the whole register. */
    List<Enterprise> enterprisesOf(AuthenticatedUser user) {
        Set<EnterpriseNumber> numbers = new LinkedHashSet<>();
        user.roles().stream().map(RoleGrant::enterprise).forEach(numbers::add);
        user.mandates().stream().map(Mandate::giver).forEach(numbers::add);
        known.stream().filter(e -> e.localManager().isPresent()
                && e.localManager().equals(user.identity().nationalNumber())).map(Enterprise::number).forEach(numbers::add);
        user.identity().nationalNumber().ifPresent(nrn -> known.stream()
                .filter(e -> e.access().chiefAccessManagers().contains(nrn) || e.access().legalRepresentatives().contains(nrn))
                .map(Enterprise::number).forEach(numbers::add));
        List<Enterprise> result = new ArrayList<>();
        numbers.forEach(n -> result.add(enterprise(n)));
        return result.isEmpty() ? known : result;
    }

    /** The {@code EnterpriseResolver} of the filter. */
    Optional<Enterprise> resolve(HttpServletRequest request, AuthenticatedUser user, EService eService) {
        String asked = request.getParameter("enterprise");
        HttpSession session = request.getSession();
        if (asked != null) {
            try {
                Enterprise chosen = enterprise(EnterpriseNumber.parse(asked));
                session.setAttribute(SESSION_ATTRIBUTE, chosen.number().digits());
                return Optional.of(chosen);
            } catch (FedAuthException e) {
                return Optional.empty();
            }
        }
        if (session.getAttribute(SESSION_ATTRIBUTE) instanceof String digits) {
            return Optional.of(enterprise(EnterpriseNumber.parse(digits)));
        }
        return enterprisesOf(user).stream().findFirst();
    }
}
