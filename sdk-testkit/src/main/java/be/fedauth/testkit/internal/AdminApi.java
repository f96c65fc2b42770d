package be.fedauth.testkit.internal;

import be.fedauth.core.DigitalKey;
import be.fedauth.testkit.Endpoint;
import be.fedauth.testkit.EndpointFault;
import be.fedauth.testkit.LoginChoice;
import be.fedauth.testkit.OidcClient;
import be.fedauth.testkit.Person;
import be.fedauth.testkit.RecordedRequest;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The runtime admin HTTP API under {@code /testkit/admin}: parameters are form fields (or query
 * parameters), answers are JSON. The routes are listed in {@code docs/testkit.md}. The fake listens on
 * loopback only, and the API has no authentication: it is a test tool.
 */
final class AdminApi implements ProtocolEndpoints {
    /** Created on first use: JSON-B's start-up cost is not paid by a server nobody administers. */
    private static final class Json {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    private final FakeServer server;

    AdminApi(FakeServer server) {
        this.server = server;
    }

    @Override
    public boolean handles(FakeRequest request) {
        return request.path().equals(FakeServer.ADMIN_PREFIX) || request.path().startsWith(FakeServer.ADMIN_PREFIX + "/");
    }

    @Override
    public FakeResponse handle(FakeRequest request, FakeIdpContext ctx) {
        String route = request.path().substring(FakeServer.ADMIN_PREFIX.length());
        String method = request.method();
        try {
            return switch (route) {
                case "", "/" -> only(method, "GET", () -> ok(status(ctx)));
                case "/personas" -> only(method, "GET", () -> ok(personas(ctx)));
                case "/login" -> login(request, ctx);
                case "/clock" -> clock(request, ctx);
                case "/faults" -> faults(request);
                case "/attacks" -> attacks(request, ctx);
                case "/requests" -> requests(request);
                case "/keys" -> only(method, "GET", () -> ok(keys(ctx)));
                case "/keys/rotate" -> only(method, "POST", () -> {
                    KeyMaterial key = ctx.rotateSigningKey();
                    return ok(Map.of("kid", key.kid()));
                });
                case "/issuer-quirk" -> only(method, "POST", () -> {
                    ctx.setIssuerQuirk(Boolean.parseBoolean(required(request, "enabled")));
                    return ok(Map.of("issuer", ctx.oidcIssuer()));
                });
                case "/clients/oidc" -> only(method, "POST", () -> registerClient(request, ctx));
                case "/reset" -> only(method, "POST", () -> {
                    server.reset();
                    return ok(status(ctx));
                });
                default -> error(404, "no admin route " + route);
            };
        } catch (BadRequest e) {
            return error(400, e.getMessage());
        }
    }

    private interface Answer {
        FakeResponse get();
    }

    private static FakeResponse only(String method, String allowed, Answer answer) {
        return method.equals(allowed) ? answer.get() : error(405, "use " + allowed);
    }

    private FakeResponse login(FakeRequest request, FakeIdpContext ctx) {
        switch (request.method()) {
            case "GET":
                return ok(ctx.preselectedLogin().map(AdminApi::choice).orElse(Map.of()));
            case "POST": {
                String personId = required(request, "person");
                DigitalKey key = key(required(request, "key"));
                if (ctx.personas().person(personId).isEmpty()) {
                    throw new BadRequest("no persona " + personId);
                }
                LoginChoice choice = new LoginChoice(personId, key);
                ctx.preselectLogin(choice);
                return ok(choice(choice));
            }
            case "DELETE":
                ctx.clearPreselectedLogin();
                return ok(Map.of());
            default:
                return error(405, "use GET, POST or DELETE");
        }
    }

    private FakeResponse clock(FakeRequest request, FakeIdpContext ctx) {
        switch (request.method()) {
            case "GET":
                return ok(clockState(ctx));
            case "POST": {
                Optional<String> instant = request.parameter("instant");
                Optional<String> advance = request.parameter("advance");
                boolean freeze = request.parameter("freeze").map(Boolean::parseBoolean).orElse(false);
                if (freeze) {
                    ctx.clock().freeze(); // first, so that the instant set below is exact
                }
                try {
                    if (instant.isPresent()) {
                        ctx.clock().set(Instant.parse(instant.get()));
                    } else if (advance.isPresent()) {
                        ctx.clock().advance(Duration.parse(advance.get()));
                    } else if (!freeze) {
                        throw new BadRequest("give instant (2024-01-31T00:00:00Z), advance (PT1H) or freeze=true");
                    }
                } catch (DateTimeParseException e) {
                    throw new BadRequest("instant is ISO-8601 (2024-01-31T00:00:00Z), advance a duration (PT1H)");
                }
                return ok(clockState(ctx));
            }
            case "DELETE":
                ctx.clock().reset();
                return ok(clockState(ctx));
            default:
                return error(405, "use GET, POST or DELETE");
        }
    }

    private FakeResponse faults(FakeRequest request) {
        switch (request.method()) {
            case "GET":
                return ok(faultList());
            case "POST": {
                String path = request.parameter("path")
                        .or(() -> request.parameter("endpoint").map(e -> endpoint(e).path()))
                        .orElseThrow(() -> new BadRequest("give endpoint (OIDC_TOKEN...) or path (/fas/oauth2/access_token)"));
                EndpointFault fault = fault(request);
                try {
                    server.injectFault(path, fault);
                } catch (IllegalArgumentException e) {
                    throw new BadRequest(e.getMessage());
                }
                return ok(faultList());
            }
            case "DELETE":
                request.parameter("path").or(() -> request.parameter("endpoint").map(e -> endpoint(e).path()))
                        .ifPresentOrElse(server::removeFault, server::clearFaults);
                return ok(faultList());
            default:
                return error(405, "use GET, POST or DELETE");
        }
    }

    private static EndpointFault fault(FakeRequest request) {
        String kind = required(request, "fault").toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return switch (EndpointFault.Kind.valueOf(kind)) {
                case DELAY -> EndpointFault.delay(Duration.parse(required(request, "delay")));
                case STATUS -> EndpointFault.status(Integer.parseInt(required(request, "status")));
                case CONNECTION_RESET -> EndpointFault.connectionReset();
                case MALFORMED_BODY -> EndpointFault.malformedBody();
                case MALFORMED_CHUNK -> EndpointFault.malformedChunk();
                case EMPTY_RESPONSE -> EndpointFault.emptyResponse();
                case RANDOM_DATA_THEN_CLOSE -> EndpointFault.randomDataThenClose();
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new BadRequest("fault is one of " + List.of(EndpointFault.Kind.values())
                    + " (DELAY needs delay=PT2S, STATUS needs status=400..599)");
        }
    }

    private FakeResponse attacks(FakeRequest request, FakeIdpContext ctx) {
        switch (request.method()) {
            case "GET":
                return ok(attackList(ctx));
            case "POST": {
                String protocol = required(request, "protocol");
                String name = required(request, "attack");
                Enum<?> attack = Attacks.find(protocol, name)
                        .orElseThrow(() -> new BadRequest("no " + protocol + " attack " + name));
                ctx.queueAttack(attack);
                return ok(attackList(ctx));
            }
            case "DELETE":
                ctx.clearAttacks();
                return ok(attackList(ctx));
            default:
                return error(405, "use GET, POST or DELETE");
        }
    }

    private FakeResponse requests(FakeRequest request) {
        switch (request.method()) {
            case "GET": {
                List<Map<String, Object>> list = new ArrayList<>();
                for (RecordedRequest r : server.recordedRequests()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("method", r.method());
                    entry.put("path", r.path());
                    entry.put("query", r.queryParameters());
                    entry.put("form", r.formParameters());
                    entry.put("headers", r.headers());
                    entry.put("body", r.body());
                    list.add(entry);
                }
                return ok(list);
            }
            case "DELETE":
                server.clearRecordedRequests();
                return ok(List.of());
            default:
                return error(405, "use GET or DELETE");
        }
    }

    private FakeResponse registerClient(FakeRequest request, FakeIdpContext ctx) {
        List<String> uris = new ArrayList<>(request.formParameters().getOrDefault("redirectUri", List.of()));
        uris.addAll(request.queryParameters().getOrDefault("redirectUri", List.of()));
        try {
            OidcClient client = OidcClient.withSecret(required(request, "clientId"), required(request, "secret"),
                    uris.stream().map(URI::create).toList());
            ctx.registerOidcClient(client);
            return ok(Map.of("clientId", client.clientId(), "redirectUris", uris));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("give clientId, secret and at least one absolute redirectUri");
        }
    }

    private Map<String, Object> status(FakeIdpContext ctx) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("baseUrl", ctx.baseUri().toString());
        status.put("oidcIssuer", ctx.oidcIssuer());
        status.put("samlMetadata", ctx.url(Endpoint.SAML_METADATA.path()).toString());
        status.put("socialSecurityMetadata", ctx.url(Endpoint.SOCIAL_SECURITY_METADATA.path()).toString());
        status.put("loginPage", ctx.url(Endpoint.LOGIN_PAGE.path()).toString());
        status.put("preselectedLogin", ctx.preselectedLogin().map(AdminApi::choice).orElse(Map.of()));
        status.put("clock", clockState(ctx));
        status.put("faults", faultList());
        status.put("attacks", attackList(ctx));
        return status;
    }

    private static List<Map<String, Object>> personas(FakeIdpContext ctx) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Person p : ctx.personas().people()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", p.id());
            entry.put("name", p.displayName());
            entry.put("foreigner", p.foreigner());
            entry.put("socialSecurityOnly", p.socialSecurityOnly());
            entry.put("keys", p.keys().stream().map(Enum::name).sorted().toList());
            list.add(entry);
        }
        return list;
    }

    private static Map<String, Object> keys(FakeIdpContext ctx) {
        return Map.of("current", ctx.signingKeys().current().kid(),
                "published", ctx.signingKeys().published().stream().map(KeyMaterial::kid).toList());
    }

    private static Map<String, Object> clockState(FakeIdpContext ctx) {
        return Map.of("instant", ctx.clock().instant().toString(), "frozen", ctx.clock().isFrozen());
    }

    private List<Map<String, String>> faultList() {
        List<Map<String, String>> list = new ArrayList<>();
        server.faults().forEach((path, fault) -> list.add(Map.of("path", path, "fault", fault.toString())));
        return list;
    }

    private static List<Map<String, String>> attackList(FakeIdpContext ctx) {
        return ctx.pendingAttacks().stream()
                .map(a -> Map.of("protocol", Attacks.protocolOf(a), "attack", a.name())).toList();
    }

    private static Map<String, String> choice(LoginChoice choice) {
        return Map.of("person", choice.personId(), "key", choice.key().name());
    }

    private static DigitalKey key(String name) {
        try {
            return DigitalKey.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("key is one of " + List.of(DigitalKey.values()));
        }
    }

    private static Endpoint endpoint(String name) {
        try {
            return Endpoint.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("endpoint is one of " + List.of(Endpoint.values()));
        }
    }

    private static String required(FakeRequest request, String name) {
        return request.parameter(name).filter(v -> !v.isBlank())
                .orElseThrow(() -> new BadRequest("missing parameter " + name));
    }

    private static FakeResponse ok(Object body) {
        return FakeResponse.json(Json.JSONB.toJson(body));
    }

    private static FakeResponse error(int status, String message) {
        return FakeResponse.json(status, Json.JSONB.toJson(Map.of("error", message)));
    }

    /** A bad admin call: answered 400 with its message. */
    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
