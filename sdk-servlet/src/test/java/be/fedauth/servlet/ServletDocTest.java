package be.fedauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.servlet.docs.CustomsPortalSetup;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** docs/servlet.md shows code that compiles and works. */
class ServletDocTest {
    private static final Path DOC = Path.of("..", "docs", "servlet.md");
    private static final Path EXAMPLE = Path.of("src", "test", "java", "be", "fedauth", "servlet", "docs",
            "CustomsPortalSetup.java");

    @Test
    void servletMd_showsTheCompiledExampleWordForWord() throws IOException {
        String source = Files.readString(EXAMPLE);
        String example = source.substring(source.indexOf("// BEGIN servlet.md\n") + "// BEGIN servlet.md\n".length(),
                source.indexOf("    // END servlet.md"));

        String unindented = example.lines().map(line -> line.startsWith("    ") ? line.substring(4) : line)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));

        assertThat(Files.readString(DOC)).contains("```java\n" + unindented + "```");
    }

    @Test
    void example_protectsTheApplication() throws Exception {
        Fixture fixture = new Fixture();
        fixture.clock.set(java.time.Clock.systemUTC().instant());  // the example runs on the system clock
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.addEventListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                CustomsPortalSetup.protect(event.getServletContext(), fixture.oidc,
                        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", number -> Optional.of(Persona.ENTERPRISE));
            }
        });
        server.setHandler(context);
        server.start();
        try {
            Browser browser = new Browser(java.net.URI.create("http://127.0.0.1:" + connector.getLocalPort()));

            assertThat(browser.get("/emcs").headers().firstValue("Location")).contains("/login?service=EMCS&returnTo=%2Femcs");
            assertThat(Fixture.loginOidc(browser, Persona.ALICE, "service=EMCS").statusCode()).isEqualTo(302);
            assertThat(browser.get("/emcs").statusCode()).isEqualTo(404);
        } finally {
            server.stop();
        }
    }
}
