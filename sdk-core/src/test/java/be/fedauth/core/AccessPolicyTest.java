package be.fedauth.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccessPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant YEAR_AGO = NOW.minusSeconds(365 * 86400L);
    private static final Instant IN_A_YEAR = NOW.plusSeconds(365 * 86400L);
    private static final NationalRegisterNumber ME = NationalRegisterNumber.parse("85073003328");
    private static final NationalRegisterNumber MANAGER = NationalRegisterNumber.parse("93010100186");
    private static final EnterpriseNumber ACME = EnterpriseNumber.parse("0403170701");
    private static final EnterpriseNumber OTHER = EnterpriseNumber.parse("0202746529");
    private static final Enterprise ACME_ENTERPRISE = new Enterprise(ACME, "Acme Customs", Optional.of(MANAGER));

    private final AccessPolicy policy = AccessPolicy.create(SettableClock.fixed(NOW));

    private static AuthenticatedUser user(NationalRegisterNumber nrn, List<RoleGrant> roles, List<Mandate> mandates) {
        Identity identity = new Identity(Optional.of(nrn), Optional.empty(), "An", "Janssens", Language.FR, Optional.empty());
        return new AuthenticatedUser(identity, DigitalKey.EID, AssuranceLevel.LEVEL_500, ProviderId.of("fas"), NOW, roles,
                mandates, List.of(), new SessionReference(ProviderId.of("fas"), Map.of()));
    }

    private static RoleGrant role(String service, EnterpriseNumber enterprise, RoleState state, Instant from,
                                  Optional<Instant> until) {
        return new RoleGrant(service, enterprise, service, state, from, until);
    }

    private static Mandate mandate(Set<String> services, Instant from, Instant until, boolean giverSigned, boolean holderSigned) {
        return new Mandate(ACME, ME, "customs-declarant", services, from, until, giverSigned, holderSigned);
    }

    enum Case {
        LOCAL_MANAGER(MANAGER, List.of(), List.of(), EService.NCTS, AccessDecision.Basis.LOCAL_MANAGER, null),
        ACCEPTED_ROLE(ME, List.of(role("NCTS", ACME, RoleState.ACCEPTED, YEAR_AGO, Optional.empty())), List.of(),
                EService.NCTS, AccessDecision.Basis.ROLE, null),
        ACCEPTED_ROLE_UNTIL_LATER(ME, List.of(role("NCTS", ACME, RoleState.ACCEPTED, YEAR_AGO, Optional.of(IN_A_YEAR))),
                List.of(), EService.NCTS, AccessDecision.Basis.ROLE, null),
        NO_ROLE(ME, List.of(), List.of(), EService.NCTS, AccessDecision.Basis.DENIED, ErrorCode.ROLE_MISSING),
        PROPOSED_ROLE(ME, List.of(role("NCTS", ACME, RoleState.PROPOSED, YEAR_AGO, Optional.empty())), List.of(),
                EService.NCTS, AccessDecision.Basis.DENIED, ErrorCode.ROLE_NOT_ACCEPTED),
        REVOKED_ROLE(ME, List.of(role("NCTS", ACME, RoleState.REVOKED, YEAR_AGO, Optional.empty())), List.of(),
                EService.NCTS, AccessDecision.Basis.DENIED, ErrorCode.ROLE_REVOKED),
        EXPIRED_ROLE(ME, List.of(role("NCTS", ACME, RoleState.ACCEPTED, YEAR_AGO, Optional.of(NOW))), List.of(),
                EService.NCTS, AccessDecision.Basis.DENIED, ErrorCode.ROLE_EXPIRED),
        NOT_YET_VALID_ROLE(ME, List.of(role("NCTS", ACME, RoleState.ACCEPTED, NOW.plusSeconds(1), Optional.empty())),
                List.of(), EService.NCTS, AccessDecision.Basis.DENIED, ErrorCode.ROLE_EXPIRED),
        ROLE_FOR_OTHER_SERVICE(ME, List.of(role("EMCS", ACME, RoleState.ACCEPTED, YEAR_AGO, Optional.empty())), List.of(),
                EService.NCTS, AccessDecision.Basis.DENIED, ErrorCode.ROLE_MISSING),
        ROLE_IN_OTHER_ENTERPRISE(ME, List.of(role("NCTS", OTHER, RoleState.ACCEPTED, YEAR_AGO, Optional.empty())),
                List.of(), EService.NCTS, AccessDecision.Basis.DENIED, ErrorCode.ROLE_MISSING),
        SIGNED_MANDATE(ME, List.of(), List.of(mandate(Set.of("PLDA"), YEAR_AGO, IN_A_YEAR, true, true)), EService.PLDA,
                AccessDecision.Basis.MANDATE, null),
        MANDATE_SIGNED_BY_GIVER_ONLY(ME, List.of(), List.of(mandate(Set.of("PLDA"), YEAR_AGO, IN_A_YEAR, true, false)),
                EService.PLDA, AccessDecision.Basis.DENIED, ErrorCode.MANDATE_NOT_SIGNED),
        MANDATE_SIGNED_BY_HOLDER_ONLY(ME, List.of(), List.of(mandate(Set.of("PLDA"), YEAR_AGO, IN_A_YEAR, false, true)),
                EService.PLDA, AccessDecision.Basis.DENIED, ErrorCode.MANDATE_NOT_SIGNED),
        EXPIRED_MANDATE(ME, List.of(), List.of(mandate(Set.of("PLDA"), YEAR_AGO, NOW, true, true)), EService.PLDA,
                AccessDecision.Basis.DENIED, ErrorCode.MANDATE_EXPIRED),
        MANDATE_FOR_OTHER_SERVICE(ME, List.of(), List.of(mandate(Set.of("EMCS"), YEAR_AGO, IN_A_YEAR, true, true)),
                EService.PLDA, AccessDecision.Basis.DENIED, ErrorCode.MANDATE_NOT_COVERING),
        MANDATE_FOR_SERVICE_WITHOUT_MANDATES(ME, List.of(), List.of(mandate(Set.of("NCTS"), YEAR_AGO, IN_A_YEAR, true, true)),
                EService.NCTS, AccessDecision.Basis.DENIED, ErrorCode.MANDATES_NOT_SUPPORTED),
        PROPOSED_ROLE_AND_UNSIGNED_MANDATE(ME, List.of(role("PLDA", ACME, RoleState.PROPOSED, YEAR_AGO, Optional.empty())),
                List.of(mandate(Set.of("PLDA"), YEAR_AGO, IN_A_YEAR, true, false)), EService.PLDA,
                AccessDecision.Basis.DENIED, ErrorCode.ROLE_NOT_ACCEPTED),
        MANDATE_OF_ANOTHER_GIVER(ME, List.of(), List.of(new Mandate(OTHER, ME, "customs-declarant", Set.of("PLDA"),
                YEAR_AGO, IN_A_YEAR, true, true)), EService.PLDA, AccessDecision.Basis.DENIED, ErrorCode.ROLE_MISSING),
        MANDATE_HELD_BY_SOMEONE_ELSE(ME, List.of(), List.of(new Mandate(ACME, MANAGER, "customs-declarant", Set.of("PLDA"),
                YEAR_AGO, IN_A_YEAR, true, true)), EService.PLDA, AccessDecision.Basis.DENIED, ErrorCode.ROLE_MISSING),
        PROPOSED_ROLE_BUT_SIGNED_MANDATE(ME, List.of(role("PLDA", ACME, RoleState.PROPOSED, YEAR_AGO, Optional.empty())),
                List.of(mandate(Set.of("PLDA"), YEAR_AGO, IN_A_YEAR, true, true)), EService.PLDA,
                AccessDecision.Basis.MANDATE, null);

        final NationalRegisterNumber nrn;
        final List<RoleGrant> roles;
        final List<Mandate> mandates;
        final EService service;
        final AccessDecision.Basis basis;
        final ErrorCode reason;

        Case(NationalRegisterNumber nrn, List<RoleGrant> roles, List<Mandate> mandates, EService service,
             AccessDecision.Basis basis, ErrorCode reason) {
            this.nrn = nrn;
            this.roles = roles;
            this.mandates = mandates;
            this.service = service;
            this.basis = basis;
            this.reason = reason;
        }
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void decide_givesTheExpectedBasisAndReason(Case c) {
        AccessDecision decision = policy.decide(user(c.nrn, c.roles, c.mandates), c.service, ACME_ENTERPRISE);

        assertThat(decision.basis()).isEqualTo(c.basis);
        assertThat(decision.reason()).isEqualTo(Optional.ofNullable(c.reason));
        assertThat(decision.isPermitted()).isEqualTo(c.reason == null);
    }

    @Test
    void denial_forProposedRole_tellsTheUserToAcceptItWithTheServiceHelpdesk() {
        AccessDecision decision = policy.decide(user(ME, Case.PROPOSED_ROLE.roles, List.of()), EService.NCTS, ACME_ENTERPRISE);

        Guidance guidance = decision.guidance(Language.EN).orElseThrow();
        assertThat(guidance.message()).containsIgnoringCase("accept the role in role management");
        assertThat(guidance.helpdesk().mailbox()).contains("helpdesk.ncts@minfin.fed.be");
        assertThat(guidance.helpdesk().helpPage().orElseThrow().toString()).contains("rma-help.fedict.belgium.be");
    }

    @Test
    void denial_withoutRole_tellsTheUserToAskTheLocalManager() {
        AccessDecision decision = policy.decide(user(ME, List.of(), List.of()), EService.EMCS, ACME_ENTERPRISE);

        assertThat(decision.guidance(Language.NL).orElseThrow().message()).contains("lokale beheerder");
        assertThat(decision.guidance(Language.NL).orElseThrow().helpdesk().mailbox()).contains("emcs.helpdesk@minfin.fed.be");
    }

    @Test
    void foreignerWithoutNationalNumber_isNeverTakenForTheLocalManager() {
        Identity foreigner = new Identity(Optional.empty(), Optional.empty(), "John", "Smith", Language.EN, Optional.empty());
        AuthenticatedUser user = new AuthenticatedUser(foreigner, DigitalKey.PASSWORD_TOKEN, AssuranceLevel.LEVEL_300,
                ProviderId.of("fas"), NOW, List.of(), List.of(), List.of(), SessionReference.none(ProviderId.of("fas")));
        Enterprise noManager = new Enterprise(ACME, "Acme", Optional.empty());

        assertThat(policy.decide(user, EService.NCTS, noManager).reason()).contains(ErrorCode.ROLE_MISSING);
    }
}
