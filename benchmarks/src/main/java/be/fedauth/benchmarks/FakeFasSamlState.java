package be.fedauth.benchmarks;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.ProviderId;
import be.fedauth.saml.IdpMetadataSource;
import be.fedauth.saml.SamlProvider;
import be.fedauth.saml.SamlSettings;
import be.fedauth.saml.SpKey;
import be.fedauth.saml.SpKeys;
import be.fedauth.testkit.FakeFas;
import be.fedauth.testkit.SamlServiceProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opensaml.security.x509.BasicX509Credential;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * sdk-testkit's fake FAS serving SAML logins to sdk-saml: a login chosen in advance (persona
 * "citizen", eID), the SP registered with its signing certificate (requests are signed), its metadata
 * fetched and its signature checked once. One login: {@code startLogin} (a signed HTTP-Redirect
 * AuthnRequest), GET to the fake's SSO endpoint (following the fake's own redirects), the
 * auto-posted form read, {@code finishLogin} (full validation, in-memory replay cache).
 */
@State(Scope.Benchmark)
public class FakeFasSamlState {
    private static final Pattern FIELD = Pattern.compile("name=\"(SAMLResponse|RelayState)\"\\s+value=\"([^\"]*)\"");
    static final String SP_ENTITY_ID = "https://portal.example.be/saml";
    static final URI ACS = URI.create("https://portal.example.be/saml/acs");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    FakeFas fas;
    SamlProvider provider;

    @Setup(Level.Trial)
    public void start() throws Exception {
        SamlResponses.initialize();
        BasicX509Credential sp = SamlResponses.credential("CN=portal.example.be, O=Customs, C=BE");
        fas = FakeFas.builder().start();
        fas.registerSamlServiceProvider(new SamlServiceProvider(SP_ENTITY_ID, List.of(ACS),
                Optional.of(sp.getEntityCertificate()), Optional.empty()));
        fas.preselectLogin("citizen", DigitalKey.EID);
        IdpMetadataSource metadata = IdpMetadataSource.fromUrl(fas.samlMetadataUri(), fas.samlEntityId())
                .signedBy(fas.signingCertificate()).build();
        provider = SamlProvider.create(SamlSettings.builder(ProviderId.of("fas-saml"), SP_ENTITY_ID, ACS,
                SpKeys.of(SpKey.of(sp.getPrivateKey(), sp.getEntityCertificate())), metadata).build());
        login(); // Fails the trial at once if the login does not work.
    }

    AuthenticatedUser login() throws IOException, InterruptedException {
        LoginRedirect redirect = provider.startLogin(LoginRequest.builder().build());
        URI at = redirect.redirect().location();
        for (int hop = 0; hop < 5; hop++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(at).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 3) {
                at = at.resolve(response.headers().firstValue("Location").orElseThrow());
                continue;
            }
            Map<String, String> fields = new java.util.HashMap<>();
            Matcher m = FIELD.matcher(response.body());
            while (m.find()) {
                fields.put(m.group(1), unescape(m.group(2)));
            }
            if (!fields.containsKey("SAMLResponse")) {
                throw new IOException("the fake answered " + response.statusCode() + " without a SAMLResponse form");
            }
            return provider.finishLogin(CallbackRequest.post(fields), redirect.pendingLogin());
        }
        throw new IOException("too many redirects");
    }

    private static String unescape(String html) {
        return html.replace("&#43;", "+").replace("&#x2B;", "+").replace("&#61;", "=").replace("&#x3D;", "=")
                .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    @TearDown(Level.Trial)
    public void stop() {
        fas.close();
    }
}
