package be.fedauth.demo.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The samlify SAML identity provider of {@code demo/src/test/node/saml-idp.mjs} (samlify from the npm
 * registry, installed by {@code scripts/setup.d/50-saml-idp.sh}), started with node on a random
 * loopback port for one service provider. Its one user is {@link #USERNAME}, Marie Dupont.
 * {@link #close()} stops it.
 */
public final class SamlifyIdp implements AutoCloseable {
    /** The user of {@code users.json}, Marie Dupont (marie.dupont@example.be). */
    public static final String USERNAME = "marie";
    /** Her password. */
    public static final String PASSWORD = "interop-secret";

    private static final Path NODE_DIR = Path.of("src", "test", "node");

    private final Process process;
    private final URI base;

    private SamlifyIdp(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /**
     * Starts the IdP, signing with {@code idpKey}, for the service provider {@code spEntityId} whose
     * assertion consumer service is {@code acs} and whose requests {@code spKey} signs; its assertions
     * state {@code authnContext} as AuthnContextClassRef. Key files are written to {@code dir}.
     *
     * @throws AssertionError when node or samlify is missing, or the IdP does not start
     */
    public static SamlifyIdp start(Path dir, TestKey idpKey, String spEntityId, URI acs, TestKey spKey, String authnContext) {
        if (!Files.isRegularFile(NODE_DIR.resolve("node_modules/samlify/package.json"))) {
            throw new AssertionError("samlify is not installed in demo/src/test/node: run scripts/setup.d/50-saml-idp.sh");
        }
        String name = "samlify-" + Math.abs(spEntityId.hashCode());
        Process process;
        try {
            process = new ProcessBuilder("node", "saml-idp.mjs",
                    "--key", idpKey.writePrivateKeyPem(dir, name).toAbsolutePath().toString(),
                    "--cert", idpKey.writeCertificatePem(dir, name).toAbsolutePath().toString(),
                    "--sp-entity-id", spEntityId, "--acs", acs.toString(),
                    "--sp-cert", spKey.writeCertificatePem(dir, name + "-sp").toAbsolutePath().toString(),
                    "--authn-context", authnContext)
                    .directory(NODE_DIR.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new AssertionError("node is not installed: run scripts/setup.d/50-saml-idp.sh", e);
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("READY ")) {
                        return line.substring(6).trim();
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String url = ready.get(30, TimeUnit.SECONDS);
            if (url == null) {
                throw new AssertionError("the samlify IdP stopped while starting (exit " + process.waitFor() + ")");
            }
            return new SamlifyIdp(process, URI.create(url));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("the samlify IdP did not start", e);
        }
    }

    /** Its entity id (also its metadata URL). */
    public String entityId() {
        return base.resolve("/metadata").toString();
    }

    /** Its metadata (unsigned). */
    public URI metadataUrl() {
        return base.resolve("/metadata");
    }

    /**
     * Takes {@code toIdp} (the redirect a portal sent the browser on), posts the login form as
     * {@code username}, and returns the form the IdP posts to the portal's ACS.
     *
     * @throws AssertionError when the IdP shows no login form or does not send the browser back
     */
    public Hop logIn(Hop toIdp, String username, String password) {
        IdpVisit visit = new IdpVisit(base);
        HttpResponse<String> page = visit.open(toIdp);
        return visit.leave(visit.submit(page, Map.of("username", username, "password", password)));
    }

    /** Stops node. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
