package be.fedauth.testkit;

import be.fedauth.core.DigitalKey;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Only accepted, current roles and signed, current mandates are released, at the fake's clock. */
class ReleasedGrantsTest {
    @RegisterExtension
    static final FakeFasExtension FAS = FakeFasExtension.configured(b -> b.extraEndpoints(new TestProtocol()));

    enum Case {
        ACCEPTED_CURRENT_NCTS_ROLE("ncts-employee", DigitalKey.EID, "2025-01-01T00:00:00Z", 1, 0),
        ACCEPTED_ROLE_BEFORE_IT_STARTS("ncts-employee", DigitalKey.EID, "2019-10-01T00:00:00Z", 0, 0),
        PROPOSED_ROLE("proposed-employee", DigitalKey.ITSME, "2025-01-01T00:00:00Z", 0, 0),
        REVOKED_AND_EXPIRED_ROLES("revoked-employee", DigitalKey.EID, "2025-01-01T00:00:00Z", 0, 0),
        ACCEPTED_ROLE_BEFORE_IT_EXPIRES("revoked-employee", DigitalKey.EID, "2023-06-01T00:00:00Z", 1, 0),
        LOCAL_MANAGER_ROLE("local-manager", DigitalKey.EID, "2025-01-01T00:00:00Z", 1, 0),
        SIGNED_CURRENT_MANDATE_ONLY("mandate-holder", DigitalKey.ITSME, "2025-01-01T00:00:00Z", 0, 1),
        MANDATE_BEFORE_IT_STARTS("mandate-holder", DigitalKey.ITSME, "2019-06-01T00:00:00Z", 0, 0);

        final String person;
        final DigitalKey key;
        final String clock;
        final int roles;
        final int mandates;

        Case(String person, DigitalKey key, String clock, int roles, int mandates) {
            this.person = person;
            this.key = key;
            this.clock = clock;
            this.roles = roles;
            this.mandates = mandates;
        }
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void login_releasesOnlyEffectiveRolesAndActiveMandates(Case c, FakeFas fas) throws Exception {
        fas.clock().set(Instant.parse(c.clock));
        fas.preselectLogin(c.person, c.key);

        Map<String, List<String>> callback = Http.locationQuery(Http.get(URI.create(fas.baseUri()
                + "/test/authorize?redirect_uri=http://127.0.0.1:1/cb")));

        assertThat(callback).containsEntry("roles", List.of(String.valueOf(c.roles)))
                .containsEntry("mandates", List.of(String.valueOf(c.mandates)));
    }
}
