package be.fedauth.demo;

import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The demo's options, from the command line or the environment ({@code --oidc-issuer} or
 * {@code FEDAUTH_DEMO_OIDC_ISSUER}); the command line wins.
 */
record DemoOptions(String host, int port, Optional<URI> publicUrl, Optional<Instant> clock, LocalDate nctsGraceEnd,
                   boolean fakeIdp, int fakeIdpPort, Optional<Path> fakeIdpJar,
                   Optional<URI> oidcIssuer, Optional<String> oidcClientId, Optional<String> oidcClientSecret,
                   Optional<String> samlIdpMetadata, Optional<String> samlIdpEntityId, Optional<Path> samlIdpMetadataCert,
                   Optional<String> samlSpEntityId, Optional<Path> samlKeystore, Optional<String> samlKeystorePassword,
                   Optional<String> socialSecurityMetadata, Optional<String> socialSecurityEntityId,
                   ProfileOptions profiles, boolean help) {

    /** One option: its flag, whether it takes a value, and its help line. */
    record Option(String flag, String value, String help) {
        String env() {
            return "FEDAUTH_DEMO_" + flag.substring(2).toUpperCase(Locale.ROOT).replace('-', '_');
        }
    }

    static final List<Option> OPTIONS = java.util.stream.Stream.of(List.of(
            new Option("--port", "N", "portal port (default 8080; 0 picks a free one)"),
            new Option("--host", "ADDRESS", "address to listen on (default 127.0.0.1)"),
            new Option("--public-url", "URL", "the portal's URL as browsers see it (default http://127.0.0.1:PORT);"
                    + " the OIDC redirect URI and SAML ACS are built from it"),
            new Option("--clock", "DATE", "start the demo's clock (portal and fake IdP) at this day or instant, e.g."
                    + " 2020-06-15 for the NCTS grace period; it keeps ticking from there"),
            new Option("--ncts-grace-end", "DATE", "first day on which NCTS refuses the social-security login"
                    + " (default 2021-01-01; the cutover was 2019-10-24)"),
            new Option("--no-fake-idp", null, "do not start the fake FAS; use the identity providers below"),
            new Option("--fake-idp-port", "N", "port of the fake FAS (default 0: a free one)"),
            new Option("--fake-idp-jar", "FILE", "the testkit's standalone jar (default: fake-idp.jar next to the demo jar)"),
            new Option("--oidc-issuer", "URL", "an OpenID provider (FAS or any standard one); enables protocol=oidc"),
            new Option("--oidc-client-id", "ID", "the client id registered there"),
            new Option("--oidc-client-secret", "SECRET", "its secret (client_secret_basic)"),
            new Option("--saml-idp-metadata", "URL|FILE", "a SAML identity provider's metadata; enables protocol=saml"),
            new Option("--saml-idp-entity-id", "ID", "its entity id"),
            new Option("--saml-idp-metadata-cert", "PEM-FILE", "the certificate that signs its metadata (without it the"
                    + " metadata must come from a file you trust)"),
            new Option("--saml-sp-entity-id", "ID", "the portal's SAML entity id (default PUBLIC-URL/saml/sp)"),
            new Option("--saml-keystore", "P12-FILE", "the portal's SAML signing key and certificate (PKCS#12)"),
            new Option("--saml-keystore-password", "PASSWORD", "its password"),
            new Option("--social-security-metadata", "URL|FILE", "the legacy social-security IdP's metadata (NCTS)"),
            new Option("--social-security-entity-id", "ID", "its entity id"),
            new Option("--levels", "fas|generic", "deprecated alias: the default of --oidc-profile and --saml-profile")),
            ProfileOptions.OPTIONS, List.of(new Option("--help", null, "print this help")))
            .flatMap(List::stream).toList();

    /** Parses the arguments over the environment. */
    static DemoOptions parse(String[] args, Map<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Option o : OPTIONS) {
            String env = environment.get(o.env());
            if (env != null && !env.isBlank()) {
                values.put(o.flag(), env);
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            Option option = OPTIONS.stream().filter(o -> o.flag().equals(arg)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown option " + arg + " (see --help)"));
            if (option.value() == null) {
                values.put(arg, "true");
            } else if (i + 1 < args.length) {
                values.put(arg, args[++i]);
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        int port = number(values, "--port", 8080);
        // --levels (one vocabulary for every provider, only 'fas' until issue 13) sets both profiles' default.
        String levels = values.getOrDefault("--levels", "fas");
        if (!levels.equals("fas") && !levels.equals("generic")) {
            throw new IllegalArgumentException("--levels: '" + levels + "' is neither fas nor generic");
        }
        values.putIfAbsent("--oidc-profile", levels);
        values.putIfAbsent("--saml-profile", levels);
        return new DemoOptions(values.getOrDefault("--host", "127.0.0.1"), port,
                get(values, "--public-url", DemoOptions::url), get(values, "--clock", DemoOptions::instant),
                get(values, "--ncts-grace-end", DemoOptions::date).orElseGet(DemoOptions::assumedNctsGraceEnd),
                !values.containsKey("--no-fake-idp"), number(values, "--fake-idp-port", 0),
                get(values, "--fake-idp-jar", Path::of), get(values, "--oidc-issuer", DemoOptions::url),
                get(values, "--oidc-client-id", v -> v), get(values, "--oidc-client-secret", v -> v),
                get(values, "--saml-idp-metadata", v -> v), get(values, "--saml-idp-entity-id", v -> v),
                get(values, "--saml-idp-metadata-cert", Path::of), get(values, "--saml-sp-entity-id", v -> v),
                get(values, "--saml-keystore", Path::of), get(values, "--saml-keystore-password", v -> v),
                get(values, "--social-security-metadata", v -> v), get(values, "--social-security-entity-id", v -> v),
                ProfileOptions.parse(values), values.containsKey("--help"));
    }

    /** The help text. */
    static String usage() {
        StringBuilder text = new StringBuilder("""
                fedauth demo customs portal: EMCS, NCTS and PLDA behind fedauth, on embedded Jetty 12.

                usage: java -jar demo/target/fedauth-demo.jar [options]

                By default it starts the testkit's fake FAS and fake social-security login in the same process
                and logs users in there (pick a persona and a digital key on the fake's login page).

                HTTP surface:
                  GET  /login?service=NCTS&protocol=oidc|saml&key=EID   start a login (key optional)
                  GET  /callback/oidc                                   OIDC redirect URI
                  POST /callback/saml                                   SAML assertion consumer service
                  GET  /api/me                                          the logged-in user as JSON, or 401
                  GET  /logout                                          log out (here and at the identity provider)
                  GET  /logged-out                                      where every logout ends
                  GET  /saml/metadata?provider=fas-saml                 the portal's signed SAML SP metadata
                  GET  /saml/slo                                        SAML single logout (IdP-initiated
                                                                        LogoutRequests, LogoutResponses)
                  GET  /emcs /ncts /plda                                the e-services (403 page when denied)

                options (each also an environment variable, shown after it):
                """);
        for (Option o : OPTIONS) {
            String flag = o.flag() + (o.value() == null ? "" : " " + o.value());
            text.append(String.format("  %-36s %s%n  %-36s   [%s]%n", flag, o.help(), "", o.env()));
        }
        return text.toString();
    }

    private static <T> Optional<T> get(Map<String, String> values, String flag, Function<String, T> parse) {
        return ProfileOptions.get(values, flag, parse);
    }

    private static int number(Map<String, String> values, String flag, int fallback) {
        int n = get(values, flag, Integer::parseInt).orElse(fallback);
        if (n < 0 || n > 65535) {
            throw new IllegalArgumentException(flag + " is a port between 0 and 65535");
        }
        return n;
    }

    private static URI url(String value) {
        URI uri = URI.create(value);
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute URL");
        }
        return uri;
    }

    private static LocalDate date(String value) {
        return LocalDate.parse(value);
    }

    /** A day (09:00 in Brussels, office hours) or an ISO-8601 instant. */
    private static Instant instant(String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atTime(9, 0).atZone(ZoneId.of("Europe/Brussels")).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a date (2020-06-15) or an instant (2020-06-15T09:00:00Z)", e);
        }
    }

    /**
     * The first day the social-security login is refused for NCTS when --ncts-grace-end is not given: the
     * end was never published, so the timeline carries fedauth's assumption ({@code bosa-grace-end}).
     */
    private static LocalDate assumedNctsGraceEnd() {
        return be.fedauth.core.Timeline.standard().cutover("NCTS", "bosa-grace-end").atZone(be.fedauth.core.Transition.BRUSSELS)
                .toLocalDate();
    }
}
