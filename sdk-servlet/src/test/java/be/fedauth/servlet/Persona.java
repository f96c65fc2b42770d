package be.fedauth.servlet;

import be.fedauth.core.Enterprise;
import be.fedauth.core.EnterpriseNumber;
import be.fedauth.core.Identity;
import be.fedauth.core.Language;
import be.fedauth.core.NationalRegisterNumber;
import be.fedauth.core.RoleGrant;
import be.fedauth.core.RoleState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The people of these tests, all acting for {@link #ENTERPRISE}. */
enum Persona {
    /** An accepted NCTS and EMCS role. */
    ALICE("85073003328", "Alice", "Peeters", Language.NL, RoleState.ACCEPTED),
    /** An EMCS role proposed but not accepted. */
    BOB("90010112395", "Bob", "Dubois", Language.FR, RoleState.PROPOSED),
    /** No role at all. */
    CAROL("75051524641", "Carol", "Schmitz", Language.DE, null),
    /** The enterprise's local manager, no role needed. */
    MANAGER("80020200280", "Marc", "Janssens", Language.FR, null),
    /** A foreigner without a national register number. */
    FOREIGNER(null, "Jane", "Doe", Language.EN, null);

    static final Enterprise ENTERPRISE = new Enterprise(EnterpriseNumber.parse("0403170701"), "Douane & Co <NV>",
            Optional.of(NationalRegisterNumber.parse("80020200280")));

    private final String nrn;
    private final String given;
    private final String family;
    private final Language language;
    private final RoleState roleState;

    Persona(String nrn, String given, String family, Language language, RoleState roleState) {
        this.nrn = nrn;
        this.given = given;
        this.family = family;
        this.language = language;
        this.roleState = roleState;
    }

    /** The persona whose lower-case name is the fake code. */
    static Persona named(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }

    String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    Identity identity() {
        return new Identity(Optional.ofNullable(nrn).map(NationalRegisterNumber::parse), Optional.of("fedid-" + code()),
                given, family, language, Optional.of(code() + "@example.be"));
    }

    List<RoleGrant> roles() {
        if (roleState == null) {
            return List.of();
        }
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        return List.of(
                new RoleGrant("EMCS", ENTERPRISE.number(), "EMCS", roleState, from, Optional.empty()),
                new RoleGrant("NCTS", ENTERPRISE.number(), "NCTS", roleState, from, Optional.empty()));
    }
}
