package be.fedauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.RoleGrant;
import be.fedauth.core.RoleState;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The application completes the verified user before it is kept, e.g. with role proposals from role management. */
class UserEnricherTest {
    private final Fixture fixture = new Fixture();

    @Test
    void enrichedProposedRole_turnsTheDenialIntoAcceptTheRole() throws Exception {
        FedAuthSettings settings = fixture.settings().userEnricher((request, user) -> {
            List<RoleGrant> roles = new ArrayList<>(user.roles());
            roles.add(new RoleGrant("EMCS", Persona.ENTERPRISE.number(), "EMCS", RoleState.PROPOSED,
                    Instant.parse("2025-01-01T00:00:00Z"), Optional.empty()));
            return new AuthenticatedUser(user.identity(), user.key(), user.level(), user.provider(),
                    user.authenticatedAt(), roles, user.mandates(), user.notices(), user.session());
        }).build();
        try (Portal portal = Portal.start(settings)) {
            Browser browser = new Browser(portal.base());
            Fixture.loginOidc(browser, Persona.CAROL, "service=EMCS");

            HttpResponse<String> page = browser.get("/emcs");

            assertThat(page.statusCode()).isEqualTo(403);
            assertThat(page.headers().firstValue("FedAuth-Error")).contains("role_not_accepted");
        }
    }

    @Test
    void withoutEnricher_theSameUserIsToldToAskTheLocalManager() throws Exception {
        try (Portal portal = Portal.start(fixture.settings().build())) {
            Browser browser = new Browser(portal.base());
            Fixture.loginOidc(browser, Persona.CAROL, "service=EMCS");

            assertThat(browser.get("/emcs").headers().firstValue("FedAuth-Error")).contains("role_missing");
        }
    }
}
