package be.fedauth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 15 point 4: the CSAM model (legal representative, Chief Access Manager and co-managers, access
 * managers per domain, roles by invitation then accepted) beside the 2019 local manager. Each denial's
 * {@link ErrorCode} and the {@link Grantor} it names.
 */
class AccessPolicyCsamTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant YEAR_AGO = NOW.minusSeconds(365 * 86400L);
    private static final NationalRegisterNumber EMPLOYEE = NationalRegisterNumber.parse("85073003328");
    private static final NationalRegisterNumber REPRESENTATIVE = NationalRegisterNumber.parse("70010100188");
    private static final NationalRegisterNumber CHIEF = NationalRegisterNumber.parse("71020200285");
    private static final NationalRegisterNumber CO_MANAGER = NationalRegisterNumber.parse("72030300382");
    private static final NationalRegisterNumber FINANCE_MANAGER = NationalRegisterNumber.parse("73040400479");
    private static final NationalRegisterNumber OTHER_DOMAIN_MANAGER = NationalRegisterNumber.parse("74050500576");
    private static final EnterpriseNumber ACME = EnterpriseNumber.parse("0403170701");
    private static final EnterpriseNumber OTHER = EnterpriseNumber.parse("0202746529");

    /** Every function declared: representative, chief and co-manager, an access manager of FINANCIEN and of another domain. */
    private static final Enterprise FULL = new Enterprise(ACME, "Acme Customs", Optional.empty(),
            new AccessManagement(Set.of(REPRESENTATIVE), Set.of(CHIEF, CO_MANAGER),
                    Map.of(AccessPolicy.FINANCE_DOMAIN, Set.of(FINANCE_MANAGER), "SOCIALE_ZEKERHEID", Set.of(OTHER_DOMAIN_MANAGER))));
    private static final Enterprise CHIEF_ONLY = new Enterprise(ACME, "Acme Customs", Optional.empty(),
            new AccessManagement(Set.of(REPRESENTATIVE), Set.of(CHIEF), Map.of()));
    private static final Enterprise REPRESENTATIVE_ONLY = new Enterprise(ACME, "Acme Customs", Optional.empty(),
            new AccessManagement(Set.of(REPRESENTATIVE), Set.of(), Map.of()));

    private final AccessPolicy policy = AccessPolicy.create(SettableClock.fixed(NOW));

    private static AuthenticatedUser user(NationalRegisterNumber nrn, List<RoleGrant> roles, List<Mandate> mandates) {
        Identity identity = new Identity(Optional.of(nrn), Optional.empty(), "An", "Janssens", Language.EN, Optional.empty());
        return new AuthenticatedUser(identity, DigitalKey.EID, AssuranceLevel.LEVEL_500, ProviderId.of("fas"), NOW, roles,
                mandates, List.of(), new SessionReference(ProviderId.of("fas"), Map.of()));
    }

    private static List<RoleGrant> role(EnterpriseNumber enterprise, RoleState state, Optional<Instant> until) {
        return List.of(new RoleGrant("PLDA", enterprise, "Paperless Douane en Accijnzen", state, YEAR_AGO, until));
    }

    /** A denial: who asks, with what, in which enterprise, for which e-service; the code and the grantor expected. */
    enum Denial {
        POINT4_EMPLOYEE_WITHOUT_ROLE(EMPLOYEE, List.of(), List.of(), FULL, EService.PLDA,
                ErrorCode.ROLE_MISSING, Grantor.Kind.ACCESS_MANAGER),
        POINT4_EMPLOYEE_WITHOUT_ROLE_NO_ACCESS_MANAGER_FOR_THE_DOMAIN(EMPLOYEE, List.of(), List.of(), CHIEF_ONLY,
                EService.PLDA, ErrorCode.ROLE_MISSING, Grantor.Kind.CHIEF_ACCESS_MANAGER),
        POINT4_EMPLOYEE_WITHOUT_ROLE_NO_CHIEF_ACCESS_MANAGER_YET(EMPLOYEE, List.of(), List.of(), REPRESENTATIVE_ONLY,
                EService.PLDA, ErrorCode.ROLE_MISSING, Grantor.Kind.LEGAL_REPRESENTATIVE),
        POINT4_INVITED_NOT_YET_ACCEPTED(EMPLOYEE, role(ACME, RoleState.PROPOSED, Optional.empty()), List.of(), FULL,
                EService.PLDA, ErrorCode.ROLE_NOT_ACCEPTED, null),
        POINT4_ROLE_REVOKED(EMPLOYEE, role(ACME, RoleState.REVOKED, Optional.empty()), List.of(), FULL, EService.PLDA,
                ErrorCode.ROLE_REVOKED, Grantor.Kind.ACCESS_MANAGER),
        POINT4_ROLE_ENDED(EMPLOYEE, role(ACME, RoleState.ACCEPTED, Optional.of(NOW)), List.of(), FULL, EService.PLDA,
                ErrorCode.ROLE_EXPIRED, Grantor.Kind.ACCESS_MANAGER),
        POINT4_ROLE_IN_ANOTHER_ENTERPRISE(EMPLOYEE, role(OTHER, RoleState.ACCEPTED, Optional.empty()), List.of(), FULL,
                EService.PLDA, ErrorCode.ROLE_MISSING, Grantor.Kind.ACCESS_MANAGER),
        POINT4_CHIEF_ACCESS_MANAGER_WITHOUT_ROLE(CHIEF, List.of(), List.of(), FULL, EService.PLDA,
                ErrorCode.ROLE_MISSING, Grantor.Kind.THE_USER),
        POINT4_CO_MANAGER_WITHOUT_ROLE(CO_MANAGER, List.of(), List.of(), FULL, EService.PLDA,
                ErrorCode.ROLE_MISSING, Grantor.Kind.THE_USER),
        POINT4_ACCESS_MANAGER_OF_THE_DOMAIN_WITHOUT_ROLE(FINANCE_MANAGER, List.of(), List.of(), FULL, EService.PLDA,
                ErrorCode.ROLE_MISSING, Grantor.Kind.THE_USER),
        POINT4_ACCESS_MANAGER_OF_ANOTHER_DOMAIN(OTHER_DOMAIN_MANAGER, List.of(), List.of(), FULL, EService.PLDA,
                ErrorCode.ROLE_MISSING, Grantor.Kind.ACCESS_MANAGER),
        POINT4_LEGAL_REPRESENTATIVE_NOT_CHIEF(REPRESENTATIVE, List.of(), List.of(), FULL, EService.PLDA,
                ErrorCode.ROLE_MISSING, Grantor.Kind.ACCESS_MANAGER),
        POINT4_MANDATE_FOR_AN_ESERVICE_WITHOUT_MANDATES(EMPLOYEE, List.of(), List.of(new Mandate(ACME, EMPLOYEE,
                "customs representative", Set.of("NCTS"), YEAR_AGO, NOW.plusSeconds(86400), true, true)), FULL,
                EService.NCTS, ErrorCode.MANDATES_NOT_SUPPORTED, Grantor.Kind.ACCESS_MANAGER);

        final NationalRegisterNumber who;
        final List<RoleGrant> roles;
        final List<Mandate> mandates;
        final Enterprise enterprise;
        final EService service;
        final ErrorCode code;
        final Grantor.Kind grantor;

        Denial(NationalRegisterNumber who, List<RoleGrant> roles, List<Mandate> mandates, Enterprise enterprise,
               EService service, ErrorCode code, Grantor.Kind grantor) {
            this.who = who;
            this.roles = roles;
            this.mandates = mandates;
            this.enterprise = enterprise;
            this.service = service;
            this.code = code;
            this.grantor = grantor;
        }
    }

    @ParameterizedTest
    @EnumSource(Denial.class)
    void point4_denial_givesItsCodeAndNamesWhoCanGrantTheRole(Denial d) {
        AccessDecision decision = policy.decide(user(d.who, d.roles, d.mandates), d.service, d.enterprise);

        assertThat(decision.isPermitted()).isFalse();
        assertThat(decision.reason()).contains(d.code);
        assertThat(decision.grantor().map(Grantor::kind)).isEqualTo(Optional.ofNullable(d.grantor));
        assertThat(decision.guidance(Language.EN)).map(Guidance::code).contains(d.code);
    }

    @Test
    void point4_roleGrantedByInvitationAndAccepted_permits() {
        AccessDecision decision = policy.decide(user(EMPLOYEE, role(ACME, RoleState.ACCEPTED, Optional.empty()), List.of()),
                EService.PLDA, FULL);

        assertThat(decision.basis()).isEqualTo(AccessDecision.Basis.ROLE);
        assertThat(decision.grantor()).isEmpty();
    }

    @Test
    void point4_chiefAccessManagerWithTheRoleAccepted_permitsByRole() {
        AccessDecision decision = policy.decide(user(CHIEF, role(ACME, RoleState.ACCEPTED, Optional.empty()), List.of()),
                EService.PLDA, FULL);

        assertThat(decision.basis()).isEqualTo(AccessDecision.Basis.ROLE);
    }

    @Test
    void point4_localManagerOfTheSeed_stillPermitsBesideTheCsamModel() {
        Enterprise both = new Enterprise(ACME, "Acme Customs", Optional.of(EMPLOYEE), FULL.access());

        assertThat(policy.decide(user(EMPLOYEE, List.of(), List.of()), EService.PLDA, both).basis())
                .isEqualTo(AccessDecision.Basis.LOCAL_MANAGER);
    }

    @Test
    void point4_enterpriseWithALocalManagerOnly_namesTheLocalManagerInThe2019Wording() {
        Enterprise seed = new Enterprise(ACME, "Acme Customs", Optional.of(CHIEF));

        AccessDecision decision = policy.decide(user(EMPLOYEE, List.of(), List.of()), EService.PLDA, seed);

        assertThat(decision.grantor().map(Grantor::kind)).contains(Grantor.Kind.LOCAL_MANAGER);
        assertThat(decision.guidance(Language.EN).orElseThrow().message()).isEqualTo(Guidance.of(ErrorCode.ROLE_MISSING,
                Language.EN, EService.PLDA).message()).contains("local manager");
    }

    @Test
    void point4_guidance_namesTheAccessManagerOfTheDomainInEachLanguage() {
        AccessDecision decision = policy.decide(user(EMPLOYEE, List.of(), List.of()), EService.PLDA, FULL);

        assertThat(decision.guidance(Language.EN).orElseThrow().message())
                .contains("access manager of your enterprise for the domain FINANCIEN", "accept the invitation");
        assertThat(decision.guidance(Language.FR).orElseThrow().message()).contains("gestionnaire d'accès", "FINANCIEN");
        assertThat(decision.guidance(Language.NL).orElseThrow().message()).contains("toegangsbeheerder", "FINANCIEN");
        assertThat(decision.guidance(Language.DE).orElseThrow().message()).contains("Zugangsverwalter", "FINANCIEN");
        assertThat(decision.guidance(Language.EN).orElseThrow().helpdesk().mailbox()).contains("plda.helpdesk@minfin.fed.be");
    }

    @ParameterizedTest
    @EnumSource(value = Grantor.Kind.class, names = "LOCAL_MANAGER", mode = EnumSource.Mode.EXCLUDE)
    void point4_everyCsamGrantor_hasItsOwnTextInEveryLanguage(Grantor.Kind kind) {
        for (Language language : Language.values()) {
            String message = new AccessDecision(AccessDecision.Basis.DENIED, Optional.of(ErrorCode.ROLE_MISSING),
                    EService.PLDA, ACME, Optional.of(new Grantor(kind, "FINANCIEN"))).guidance(language).orElseThrow().message();

            assertThat(message).as(kind + " " + language).isNotBlank()
                    .isNotEqualTo(Guidance.of(ErrorCode.ROLE_MISSING, language).message());
        }
    }

    @Test
    void point4_chiefAccessManagerMissing_tellsThatALegalRepresentativeDesignatesOne() {
        AccessDecision decision = policy.decide(user(EMPLOYEE, List.of(), List.of()), EService.PLDA, REPRESENTATIVE_ONLY);

        assertThat(decision.guidance(Language.EN).orElseThrow().message())
                .contains("no Chief Access Manager yet", "legal representative must first designate one");
    }

    @Test
    void point4_aPermitNamesNoGrantor() {
        assertThatThrownBy(() -> new AccessDecision(AccessDecision.Basis.ROLE, Optional.empty(), EService.PLDA, ACME,
                Optional.of(new Grantor(Grantor.Kind.ACCESS_MANAGER, "FINANCIEN"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
