package be.fedauth.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs a test class that uses the extension and checks that its fake is stopped after the class. */
class FakeFasExtensionLifecycleTest {
    static volatile int port;

    /** Run only through the engine test kit below (not a top-level test class, so surefire skips it). */
    @ExtendWith(FakeFasExtension.class)
    static class UsesTheFake {
        @Test
        void remembersThePort(FakeFas fas) {
            port = fas.port();
        }
    }

    @Test
    void afterTheClass_theFakeIsStopped_andItsPortIsFree() throws Exception {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(UsesTheFake.class)).execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(port).isPositive();
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
