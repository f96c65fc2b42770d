package be.fedauth.demo;

import java.io.PrintStream;

/**
 * {@code java -jar demo/target/fedauth-demo.jar [--help]}: starts the fake FAS and the customs portal,
 * prints the URL to open, and runs until stopped. A command-line tool: it writes to the console on
 * purpose.
 */
public final class DemoMain {
    private DemoMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        DemoOptions options;
        try {
            options = DemoOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("fedauth demo: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            out.print(DemoOptions.usage());
            return;
        }
        DemoPortal portal;
        try {
            portal = DemoPortal.start(options);
        } catch (RuntimeException e) {
            System.err.println("fedauth demo did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(portal::close, "fedauth-demo-stop"));
        portal.fake().ifPresent(fake -> out.println("fake FAS (OIDC, SAML, social security) at " + fake.baseUri()
                + " - pick a persona and a key on its login page"));
        out.println("fedauth demo customs portal: open " + portal.url().resolve("/"));
        out.flush();
        portal.join();
    }
}
