package be.fedauth.testkit.internal;

import be.fedauth.core.KeyRetirement;
import be.fedauth.testkit.EndpointFault;
import be.fedauth.testkit.Personas;
import be.fedauth.testkit.RecordedRequest;
import be.fedauth.core.SettableClock;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The running fake IdP: an embedded WireMock server on a loopback port whose catch-all stub hands every
 * request to the protocol endpoints; faults are higher-priority stubs per path, and WireMock's
 * request journal is the record of received requests.
 */
public final class FakeServer {
    /** Path prefix of the admin API. */
    public static final String ADMIN_PREFIX = "/testkit/admin";
    private static final int JOURNAL_LIMIT = 1000;

    private static final long STOP_TIMEOUT_MS = 200;

    private volatile WireMockServer wireMock;
    private final FakeIdpContext context;
    private final Map<String, Injected> faults = Collections.synchronizedMap(new LinkedHashMap<>());

    private record Injected(UUID stubId, EndpointFault fault) {
    }

    /** Everything a server needs to start; the personas are read while WireMock starts. */
    public record Settings(int port, Supplier<Personas> personas, SettableClock clock, boolean freshKeys,
                           List<KeyRetirement> keyRetirements, List<ProtocolEndpoints> extraEndpoints) {
        public Settings {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("a port is between 0 and 65535");
            }
            Objects.requireNonNull(personas, "personas");
            Objects.requireNonNull(clock, "clock");
            keyRetirements = List.copyOf(keyRetirements);
            extraEndpoints = List.copyOf(extraEndpoints);
        }

        /** Settings with the defaults of {@code FakeFas}: default personas, system clock, shipped keys. */
        public static Settings defaults(int port) {
            return new Settings(port, Personas::defaults, SettableClock.system(), false, List.of(KeyRetirement.TOKEN),
                    List.of());
        }
    }

    private FakeServer(FakeIdpContext context) {
        this.context = context;
    }

    /**
     * Starts a server; it answers once this returns. WireMock starts on another thread while the personas,
     * keys and protocol endpoints (OpenSAML initialisation) are prepared, which halves the start time.
     */
    public static FakeServer start(Settings settings) {
        int port = settings.port() == 0 ? freeLoopbackPort() : settings.port();
        DispatchTransformer dispatch = new DispatchTransformer();
        WireMockServer wireMock = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .port(port)
                .usingFilesUnderClasspath("be/fedauth/testkit/wiremock")
                .notifier(new Slf4jNotifier(false))
                .templatingEnabled(false)
                .gzipDisabled(true)
                .http2PlainDisabled(true)
                .jettyAcceptors(1)
                .jettyStopTimeout(STOP_TIMEOUT_MS)
                .maxRequestJournalEntries(JOURNAL_LIMIT)
                .extensions(dispatch));
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                wireMock.start();
                listening.complete(null);
            } catch (Throwable t) {
                listening.completeExceptionally(t);
            }
        }, "fedauth-fake-start");
        starter.setDaemon(true);
        starter.start();
        CompletableFuture<Personas> personas = CompletableFuture.supplyAsync(settings.personas(), r -> {
            Thread thread = new Thread(r, "fedauth-fake-personas");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            URI base = URI.create("http://127.0.0.1:" + port);
            KeyMaterial signing = settings.freshKeys() ? TestKeys.fresh("fas-signing") : TestKeys.shipped(TestKeys.FAS_SIGNING);
            KeyMaterial socsec = settings.freshKeys() ? TestKeys.fresh("socsec-signing")
                    : TestKeys.shipped(TestKeys.SOCSEC_SIGNING);
            KeyMaterial encryption = settings.freshKeys() ? TestKeys.fresh("fas-encryption")
                    : TestKeys.shipped(TestKeys.FAS_ENCRYPTION);
            // The endpoints are built while the personas are read: their constructors must not read personas.
            FakeIdpContext context = new FakeIdpContext(Personas.NONE, settings.clock(), base, signing, socsec,
                    encryption, settings.keyRetirements(), () -> TestKeys.fresh("fas-signing-rotated"));
            FakeServer server = new FakeServer(context);
            List<ProtocolEndpoints> endpoints = new ArrayList<>();
            endpoints.add(new AdminApi(server));
            endpoints.add(new LoginPage());
            endpoints.addAll(settings.extraEndpoints());
            endpoints.addAll(EndpointRegistry.protocolEndpoints(context));
            context.replacePersonas(personas.join());
            dispatch.bind(context, endpoints);
            listening.join();
            server.wireMock = wireMock;
            wireMock.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(DispatchTransformer.NAME)));
            return server;
        } catch (RuntimeException e) {
            try {
                listening.join();
            } catch (CompletionException ignored) {
                // the failure reported is the one thrown below
            }
            try {
                wireMock.stop();
            } catch (Exception stopFailure) {
                // Jetty rethrows its failed start here (sneakily, even checked exceptions): the start failure is reported
                e.addSuppressed(stopFailure);
            }
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw cause instanceof RuntimeException re ? re : e;
        }
    }

    /** A free loopback port, chosen before WireMock starts so that the context can be built meanwhile. */
    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    public FakeIdpContext context() {
        return context;
    }

    public URI baseUri() {
        return context.baseUri();
    }

    public int port() {
        return wireMock.port();
    }

    /** Injects a fault into every response on this path until cleared; replaces a fault already there. */
    public void injectFault(String path, EndpointFault fault) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fault, "fault");
        if (!path.startsWith("/") || path.startsWith(ADMIN_PREFIX)) {
            throw new IllegalArgumentException("faults go on an IdP path, not on the admin API");
        }
        synchronized (faults) {
            removeFault(path);
            StubMapping stub = wireMock.stubFor(any(urlPathEqualTo(path)).atPriority(1).willReturn(response(fault)));
            faults.put(path, new Injected(stub.getId(), fault));
        }
    }

    private static ResponseDefinitionBuilder response(EndpointFault fault) {
        return switch (fault.kind()) {
            case DELAY -> aResponse().withTransformers(DispatchTransformer.NAME)
                    .withFixedDelay((int) fault.delay().toMillis());
            case STATUS -> aResponse().withStatus(fault.status()).withHeader("Content-Type", "text/plain;charset=UTF-8")
                    .withBody("fault injected by the fedauth testkit: HTTP " + fault.status());
            case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case MALFORMED_BODY -> aResponse().withTransformers(DispatchTransformer.NAME)
                    .withTransformerParameter(DispatchTransformer.TRUNCATE, true);
            case MALFORMED_CHUNK -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK);
            case EMPTY_RESPONSE -> aResponse().withFault(Fault.EMPTY_RESPONSE);
            case RANDOM_DATA_THEN_CLOSE -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE);
        };
    }

    /** Removes the fault on this path, if any. */
    public void removeFault(String path) {
        synchronized (faults) {
            Injected old = faults.remove(path);
            if (old != null) {
                wireMock.removeStubMapping(wireMock.getSingleStubMapping(old.stubId()));
            }
        }
    }

    /** The faults in place, by path. */
    public Map<String, EndpointFault> faults() {
        synchronized (faults) {
            Map<String, EndpointFault> copy = new LinkedHashMap<>();
            faults.forEach((path, injected) -> copy.put(path, injected.fault()));
            return Collections.unmodifiableMap(copy);
        }
    }

    public void clearFaults() {
        synchronized (faults) {
            for (String path : new ArrayList<>(faults.keySet())) {
                removeFault(path);
            }
        }
    }

    /** The requests received, oldest first, without the admin API's (at most the last 1000). */
    public List<RecordedRequest> recordedRequests() {
        List<ServeEvent> events = new ArrayList<>(wireMock.getAllServeEvents());
        Collections.reverse(events);
        List<RecordedRequest> recorded = new ArrayList<>();
        for (ServeEvent event : events) {
            FakeRequest r = DispatchTransformer.toFakeRequest(event.getRequest());
            if (r.path().startsWith(ADMIN_PREFIX) || r.path().startsWith("/__admin")) {
                continue;
            }
            recorded.add(new RecordedRequest(r.method(), r.path(), r.queryParameters(), r.formParameters(), r.headers(),
                    r.bodyText()));
        }
        return List.copyOf(recorded);
    }

    public void clearRecordedRequests() {
        wireMock.resetRequests();
    }

    /** Back to the state after start: no attacks, faults, preselected login or recorded requests; clock reset. */
    public void reset() {
        context.reset();
        clearFaults();
        clearRecordedRequests();
    }

    /** Stops the server and frees its port. */
    public void stop() {
        wireMock.stop();
    }
}
