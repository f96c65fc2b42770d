package be.fedauth.testkit;

import be.fedauth.core.DigitalKey;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The extension injects one running fake per class and resets it between tests (the order makes that visible). */
@ExtendWith(FakeFasExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeFasExtensionTest {
    private static FakeFas first;

    private final FakeFas injectedInConstructor;

    FakeFasExtensionTest(FakeFas fas) {
        this.injectedInConstructor = fas;
    }

    @Test
    @Order(1)
    void injects_aRunningFakeOnARandomLoopbackPort(FakeFas fas) {
        first = fas;
        assertThat(fas.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(fas.port()).isPositive();
        assertThat(injectedInConstructor).isSameAs(fas);

        fas.preselectLogin("citizen", DigitalKey.EID);
        fas.injectFault(Endpoint.OIDC_TOKEN, EndpointFault.status(500));
        fas.clock().set(Instant.parse("2001-01-01T00:00:00Z"));
        fas.queueAttack(OidcAttack.BAD_SIGNATURE);
    }

    @Test
    @Order(2)
    void resets_betweenTests_theSameFake(FakeFas fas) {
        assertThat(fas).isSameAs(first);
        assertThat(fas.preselectedLogin()).isEmpty();
        assertThat(fas.faults()).isEmpty();
        assertThat(fas.pendingAttacks()).isEmpty();
        assertThat(fas.clock().instant()).isAfter(Instant.parse("2025-01-01T00:00:00Z"));
    }
}
