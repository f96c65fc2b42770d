package be.fedauth.demo;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The testkit's fake FAS and fake social-security login, started in this process from the testkit's
 * standalone jar in a class loader of its own (parent: the platform loader). WireMock runs on Jetty 11
 * and the portal on Jetty 12, whose classes share package names; two loaders keep them apart. It is
 * driven by reflection through the testkit's public API ({@code FakeFas}); only JDK types cross.
 */
final class FakeIdp implements AutoCloseable {
    /** The demo's OIDC client and SAML service provider at the fake (the testkit's personas list them). */
    static final String CLIENT_ID = "fedauth-demo";
    static final String CLIENT_SECRET = "fedauth-demo-secret";

    private final URLClassLoader loader;
    private final Object fas;
    private final Clock clock;

    private FakeIdp(URLClassLoader loader, Object fas, Clock clock) {
        this.loader = loader;
        this.fas = fas;
        this.clock = clock;
    }

    /**
     * Starts the fake from {@code jar} on {@code port} (0: a free one), its clock ticking from
     * {@code start} when given.
     */
    static FakeIdp start(Path jar, int port, Optional<Instant> start) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the fake IdP jar is missing: " + jar
                    + " (build with mvn install, or give --fake-idp-jar, or use --no-fake-idp)");
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("fake-idp", new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException("bad path " + jar, e);
        }
        // OpenSAML and Jetty look classes up through the thread's context class loader: the fake's own,
        // also for the threads it starts (they inherit it).
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> testClock = loader.loadClass("be.fedauth.core.SettableClock");
            Object clock = testClock.getMethod("system").invoke(null);
            if (start.isPresent()) {
                testClock.getMethod("set", Instant.class).invoke(clock, start.get());
            }
            Class<?> fakeFas = loader.loadClass("be.fedauth.testkit.FakeFas");
            Object builder = fakeFas.getMethod("builder").invoke(null);
            builder.getClass().getMethod("port", int.class).invoke(builder, port);
            builder.getClass().getMethod("clock", testClock).invoke(builder, clock);
            Object fas = builder.getClass().getMethod("start").invoke(builder);
            return new FakeIdp(loader, fas, (Clock) clock);
        } catch (ReflectiveOperationException | RuntimeException e) {
            close(loader);
            throw new IllegalStateException("the fake IdP did not start: " + rootMessage(e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The fake's clock, which the portal shares, so that both live on the demo's date. */
    Clock clock() {
        return clock;
    }

    URI baseUri() {
        return (URI) call("baseUri");
    }

    URI oidcIssuer() {
        return (URI) call("oidcIssuer");
    }

    URI samlMetadataUri() {
        return (URI) call("samlMetadataUri");
    }

    String samlEntityId() {
        return (String) call("samlEntityId");
    }

    X509Certificate signingCertificate() {
        return (X509Certificate) call("signingCertificate");
    }

    URI socialSecurityMetadataUri() {
        return (URI) call("socialSecurityMetadataUri");
    }

    String socialSecurityEntityId() {
        return (String) call("socialSecurityEntityId");
    }

    X509Certificate socialSecuritySigningCertificate() {
        return (X509Certificate) call("socialSecuritySigningCertificate");
    }

    /** The demo service provider's test key and certificate (PEM), shipped in the testkit jar. */
    String resource(String name) {
        try (InputStream in = loader.getResourceAsStream("be/fedauth/testkit/keys/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the fake IdP jar has no " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }

    /** Registers the portal's redirect URI for the demo OIDC client (its port may differ from 8080). */
    void registerOidcClient(URI redirectUri) {
        try {
            Class<?> client = loader.loadClass("be.fedauth.testkit.OidcClient");
            Object value = client.getMethod("withSecret", String.class, String.class, List.class)
                    .invoke(null, CLIENT_ID, CLIENT_SECRET, List.of(redirectUri));
            inFakeLoader(() -> fas.getClass().getMethod("registerOidcClient", client).invoke(fas, value));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot register the OIDC client: " + rootMessage(e), e);
        }
    }

    /** Registers the portal as a SAML service provider, with its signing certificate and single-logout URL. */
    void registerSamlServiceProvider(String entityId, URI acs, URI singleLogoutUrl, X509Certificate certificate) {
        try {
            Class<?> sp = loader.loadClass("be.fedauth.testkit.SamlServiceProvider");
            Object value = sp.getConstructor(String.class, List.class, Optional.class, Optional.class, Optional.class)
                    .newInstance(entityId, List.of(acs), Optional.of(certificate), Optional.empty(),
                            Optional.of(singleLogoutUrl));
            inFakeLoader(() -> fas.getClass().getMethod("registerSamlServiceProvider", sp).invoke(fas, value));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot register the SAML service provider: " + rootMessage(e), e);
        }
    }

    /** From now on the fake logs everyone in as this persona with this key, without its login page (for tests). */
    void preselectLogin(String personId, String keyName) {
        try {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Object key = Enum.valueOf((Class) loader.loadClass("be.fedauth.core.DigitalKey"), keyName);
            inFakeLoader(() -> fas.getClass().getMethod("preselectLogin", String.class, key.getClass()).invoke(fas, personId, key));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot preselect a login: " + rootMessage(e), e);
        }
    }

    private Object call(String method) {
        try {
            Method m = fas.getClass().getMethod(method);
            return inFakeLoader(() -> m.invoke(fas));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the fake IdP has no usable " + method + ": " + rootMessage(e), e);
        }
    }

    /** A reflective action run with the fake's class loader as the thread's context loader. */
    private interface Action {
        Object run() throws ReflectiveOperationException;
    }

    private Object inFakeLoader(Action action) throws ReflectiveOperationException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() {
        try {
            inFakeLoader(() -> fas.getClass().getMethod("close").invoke(fas));
        } catch (ReflectiveOperationException e) {
            // Stopping is best effort: the process is ending anyway.
        } finally {
            close(loader);
        }
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // Nothing more to release.
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.toString();
    }
}
