package be.fedauth.core;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether an authenticated user may use an e-service in an enterprise's name, as the customs
 * registration page describes: the enterprise's local manager may; a colleague may once they hold an
 * <em>accepted</em>, current role for that e-service in that enterprise; and, for e-services that
 * accept mandates, the holder of a mandate of that enterprise that both parties signed, that is
 * current, and that covers the e-service.
 *
 * <p>A denial names the most useful reason: a proposed role gives {@code role_not_accepted} ("accept
 * the role in role management"), no role at all gives {@code role_missing} ("ask your local
 * manager"); see {@link ErrorCode} for the mandate reasons.
 *
 * <p>A denial for a missing, revoked or ended role (and {@code mandates_not_supported}) also names a
 * {@link Grantor}, who can grant the role. For an enterprise described by its local manager alone (the
 * 2019 page) that is the local manager. For an enterprise that declared its CSAM access management
 * ({@link Enterprise#access()}): the user themselves when they are an access manager of the role's
 * domain or a Chief Access Manager (a manager is not permitted by that function alone: web access to
 * the customs e-services needs a key plus a role, which managers grant themselves too); else the
 * domain's access managers; else the Chief Access Manager and co-managers; else, with no Chief Access
 * Manager designated, a legal representative. The customs e-services' roles are in the domain
 * {@value #FINANCE_DOMAIN}. The error codes are the same in both models; {@link AccessDecision#guidance}
 * words the grantor. Immutable and thread-safe.
 */
public final class AccessPolicy {
    /** The role management domain of the customs e-services (FPS Finance): FINANCIEN/FIN_PLDA, FINANCIEN/EMCS. */
    public static final String FINANCE_DOMAIN = "FINANCIEN";

    private final Clock clock;

    private AccessPolicy(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A policy that reads dates from {@code clock}. */
    public static AccessPolicy create(Clock clock) {
        return new AccessPolicy(clock);
    }

    /** Decides for the roles and mandates the user's login released. */
    public AccessDecision decide(AuthenticatedUser user, EService eService, Enterprise enterprise) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(eService, "eService");
        Objects.requireNonNull(enterprise, "enterprise");
        Instant now = clock.instant();
        Optional<NationalRegisterNumber> nrn = user.identity().nationalNumber();
        EnterpriseNumber number = enterprise.number();

        if (nrn.isPresent() && enterprise.localManager().equals(nrn)) {
            return permit(AccessDecision.Basis.LOCAL_MANAGER, eService, number);
        }
        List<RoleGrant> roles = user.roles().stream()
                .filter(r -> r.enterprise().equals(number) && r.eServiceId().equals(eService.id()))
                .toList();
        if (roles.stream().anyMatch(r -> r.isEffective(now))) {
            return permit(AccessDecision.Basis.ROLE, eService, number);
        }
        List<Mandate> mandates = user.mandates().stream()
                .filter(m -> m.giver().equals(number) && nrn.isPresent() && m.holder().equals(nrn.get()))
                .toList();
        if (eService.mandatesAccepted()
                && mandates.stream().anyMatch(m -> m.isActive(now) && m.eServiceIds().contains(eService.id()))) {
            return permit(AccessDecision.Basis.MANDATE, eService, number);
        }
        ErrorCode reason = reason(roles, mandates, eService, now);
        return new AccessDecision(AccessDecision.Basis.DENIED, Optional.of(reason), eService, number,
                grantor(reason, enterprise, nrn));
    }

    /** Who can grant the missing role; empty when the denial is not about a role to grant. */
    private static Optional<Grantor> grantor(ErrorCode reason, Enterprise enterprise, Optional<NationalRegisterNumber> nrn) {
        if (reason != ErrorCode.ROLE_MISSING && reason != ErrorCode.ROLE_REVOKED && reason != ErrorCode.ROLE_EXPIRED
                && reason != ErrorCode.MANDATES_NOT_SUPPORTED) {
            return Optional.empty();
        }
        AccessManagement access = enterprise.access();
        Grantor.Kind kind;
        if (!access.isDeclared()) {
            kind = Grantor.Kind.LOCAL_MANAGER;
        } else if (nrn.isPresent() && access.canGrant(nrn.get(), FINANCE_DOMAIN)) {
            kind = Grantor.Kind.THE_USER;
        } else if (!access.accessManagersOf(FINANCE_DOMAIN).isEmpty()) {
            kind = Grantor.Kind.ACCESS_MANAGER;
        } else if (!access.chiefAccessManagers().isEmpty()) {
            kind = Grantor.Kind.CHIEF_ACCESS_MANAGER;
        } else {
            kind = Grantor.Kind.LEGAL_REPRESENTATIVE;
        }
        return Optional.of(new Grantor(kind, FINANCE_DOMAIN));
    }

    private static ErrorCode reason(List<RoleGrant> roles, List<Mandate> mandates, EService eService, Instant now) {
        if (roles.stream().anyMatch(r -> r.state() == RoleState.PROPOSED && r.isCurrent(now))) {
            return ErrorCode.ROLE_NOT_ACCEPTED;
        }
        if (eService.mandatesAccepted() && !mandates.isEmpty()) {
            List<Mandate> covering = mandates.stream().filter(m -> m.eServiceIds().contains(eService.id())).toList();
            if (covering.isEmpty()) {
                return ErrorCode.MANDATE_NOT_COVERING;
            }
            if (covering.stream().anyMatch(m -> !m.isSigned() && m.isCurrent(now))) {
                return ErrorCode.MANDATE_NOT_SIGNED;
            }
            return ErrorCode.MANDATE_EXPIRED;
        }
        if (roles.stream().anyMatch(r -> r.state() == RoleState.ACCEPTED && !r.isCurrent(now))) {
            return ErrorCode.ROLE_EXPIRED;
        }
        if (roles.stream().anyMatch(r -> r.state() == RoleState.REVOKED)) {
            return ErrorCode.ROLE_REVOKED;
        }
        if (!eService.mandatesAccepted() && !mandates.isEmpty()) {
            return ErrorCode.MANDATES_NOT_SUPPORTED;
        }
        return ErrorCode.ROLE_MISSING;
    }

    private static AccessDecision permit(AccessDecision.Basis basis, EService eService, EnterpriseNumber number) {
        return new AccessDecision(basis, Optional.empty(), eService, number);
    }
}
