package be.fedauth.testkit.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.AuthenticationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.HttpRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.LogoutRequest;
import be.fedauth.saml.SamlProvider;
import be.fedauth.testkit.SamlServiceProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;

/** SP-initiated Single Logout through the fake over HTTP: the SDK's LogoutRequest, the fake's signed LogoutResponse. */
class SamlLogoutAgainstFakeFasTest {
    private static final String STATE = "logout-state-4711";
    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private static SamlHarness harness;
    private static SamlProvider fas;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        harness = new SamlHarness(Instant.parse("2026-03-02T10:00:00Z"), false);
        fas = harness.fasProvider(b -> b);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    /** How a test changes the fake's redirect before the SP reads it, and the code the SP must fail with. */
    enum Tamper {
        IN_RESPONSE_TO_CHANGED(ErrorCode.INVALID_SIGNATURE),
        RELAY_STATE_CHANGED(ErrorCode.INVALID_SIGNATURE),
        SIGNATURE_OF_ANOTHER_MESSAGE(ErrorCode.INVALID_SIGNATURE),
        SIGNATURE_REMOVED(ErrorCode.UNSIGNED_ASSERTION);

        final ErrorCode expected;

        Tamper(ErrorCode expected) {
            this.expected = expected;
        }

        Map<String, String> apply(Map<String, String> raw) {
            Map<String, String> changed = new LinkedHashMap<>(raw);
            switch (this) {
                case IN_RESPONSE_TO_CHANGED -> {
                    String xml = new String(inflate(raw.get("SAMLResponse")), StandardCharsets.UTF_8);
                    changed.put("SAMLResponse", deflate(xml.replaceFirst("InResponseTo=\"[^\"]*\"", "InResponseTo=\"_forged\"")));
                }
                case RELAY_STATE_CHANGED -> changed.put("RelayState", "another-state");
                case SIGNATURE_OF_ANOTHER_MESSAGE -> {
                    byte[] signature = Base64.getDecoder().decode(decoded(raw.get("Signature")));
                    signature[10] ^= 1;
                    changed.put("Signature", encoded(Base64.getEncoder().encodeToString(signature)));
                }
                case SIGNATURE_REMOVED -> {
                    changed.remove("Signature");
                    changed.remove("SigAlg");
                }
            }
            return changed;
        }
    }

    @Test
    void finishLogout_withTheFakesLogoutResponse_succeeds() throws Exception {
        URI back = logoutThroughTheFake(fas);

        assertThatCode(() -> fas.finishLogout(back.getRawQuery(), STATE)).doesNotThrowAnyException();
    }

    @Test
    void finishLogout_againstTheSocialSecurityIdp_succeeds() throws Exception {
        SamlProvider socialSecurity = harness.socialSecurityProvider();

        URI back = logoutThroughTheFake(socialSecurity, "socsec-only", DigitalKey.SOCIAL_SECURITY);

        assertThatCode(() -> socialSecurity.finishLogout(back.getRawQuery(), STATE)).doesNotThrowAnyException();
    }

    @Test
    void logoutResponse_goesToTheSpsSloUrl_withTheRelayStateEchoed() throws Exception {
        URI back = logoutThroughTheFake(fas);

        assertThat(URI.create(back.toString().substring(0, back.toString().indexOf('?')))).isEqualTo(SamlHarness.SLO);
        assertThat(decoded(raw(back.getRawQuery()).get("RelayState"))).isEqualTo(STATE);
    }

    @Test
    void logoutResponse_answersTheLogoutRequest_withSuccessAddressedToTheSloUrl() throws Exception {
        HttpRedirect logout = fas.startLogout(new LogoutRequest(login(fas).session(), Optional.empty(), Optional.of(STATE)));
        String requestId = xml(raw(logout.location().getRawQuery()).get("SAMLRequest")).getAttribute("ID");

        Element response = xml(raw(follow(logout.location()).getRawQuery()).get("SAMLResponse"));

        assertThat(response.getLocalName()).isEqualTo("LogoutResponse");
        assertThat(response.getAttribute("InResponseTo")).isEqualTo(requestId).isNotBlank();
        assertThat(response.getAttribute("Destination")).isEqualTo(SamlHarness.SLO.toString());
        assertThat(response.getElementsByTagNameNS("*", "Issuer").item(0).getTextContent()).isEqualTo(harness.fas.samlEntityId());
        assertThat(((Element) response.getElementsByTagNameNS("*", "StatusCode").item(0)).getAttribute("Value"))
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:status:Success");
    }

    @Test
    void logoutResponse_isSignedRsaSha256_byTheCurrentFasKey() throws Exception {
        Map<String, String> raw = raw(logoutThroughTheFake(fas).getRawQuery());

        assertThat(decoded(raw.get("SigAlg"))).isEqualTo(RSA_SHA256);
        assertThat(verifies(raw, harness.fas.signingCertificate())).isTrue();
    }

    @Test
    void logoutResponse_afterTheFakeRotatesItsKey_isSignedWithTheNewKeyOnly() throws Exception {
        try (SamlHarness own = new SamlHarness(Instant.parse("2026-03-02T10:00:00Z"), false)) {
            SamlProvider provider = own.fasProvider(b -> b);
            AuthenticatedUser user = own.login(provider, LoginRequest.builder().build(), "citizen", DigitalKey.EID);
            X509Certificate before = own.fas.signingCertificate();
            own.fas.rotateSigningKey();

            Map<String, String> raw = raw(follow(provider.startLogout(
                    new LogoutRequest(user.session(), Optional.empty(), Optional.of(STATE))).location()).getRawQuery());

            assertThat(verifies(raw, own.fas.signingCertificate())).isTrue();
            assertThat(verifies(raw, before)).isFalse();
        }
    }

    @Test
    void finishLogout_withAnotherState_failsWithStateMismatch() throws Exception {
        URI back = logoutThroughTheFake(fas);

        assertThatThrownBy(() -> fas.finishLogout(back.getRawQuery(), "another-state"))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.STATE_MISMATCH));
    }

    @ParameterizedTest
    @EnumSource(Tamper.class)
    void finishLogout_tamperedLogoutResponse_failsWithItsErrorCode(Tamper tamper) throws Exception {
        String tampered = query(tamper.apply(raw(logoutThroughTheFake(fas).getRawQuery())));

        assertThatThrownBy(() -> fas.finishLogout(tampered, STATE))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo(tamper.expected));
    }

    /** How a test spoils the SDK's LogoutRequest before it reaches the fake, which must refuse it. */
    enum BadLogoutRequest {
        SIGNATURE_REMOVED,
        SIGNATURE_CORRUPTED,
        SIGNATURE_ALGORITHM_CHANGED,
        NOT_A_SAML_MESSAGE;

        Map<String, String> apply(Map<String, String> raw) {
            Map<String, String> changed = new LinkedHashMap<>(raw);
            switch (this) {
                case SIGNATURE_REMOVED -> {
                    changed.remove("Signature");
                    changed.remove("SigAlg");
                }
                case SIGNATURE_CORRUPTED -> {
                    byte[] signature = Base64.getDecoder().decode(decoded(raw.get("Signature")));
                    signature[10] ^= 1;
                    changed.put("Signature", encoded(Base64.getEncoder().encodeToString(signature)));
                }
                case SIGNATURE_ALGORITHM_CHANGED ->
                        changed.put("SigAlg", encoded("http://www.w3.org/2001/04/xmldsig-more#rsa-sha512"));
                case NOT_A_SAML_MESSAGE -> changed.put("SAMLRequest", deflate("<html/>"));
            }
            return changed;
        }
    }

    @ParameterizedTest
    @EnumSource(BadLogoutRequest.class)
    void sloRequest_notValidlySigned_isRefusedWith400(BadLogoutRequest bad) throws Exception {
        HttpRedirect logout = fas.startLogout(new LogoutRequest(login(fas).session(), Optional.empty(), Optional.of(STATE)));
        String location = logout.location().toString();

        URI spoiled = URI.create(location.substring(0, location.indexOf('?') + 1)
                + query(bad.apply(raw(logout.location().getRawQuery()))));

        assertThat(send(spoiled).statusCode()).isEqualTo(400);
    }

    @Test
    void sloRequest_fromAnSpRegisteredWithoutSigningCertificate_isRefusedWith400() throws Exception {
        try (SamlHarness own = new SamlHarness(Instant.parse("2026-03-02T10:00:00Z"), false)) {
            SamlProvider provider = own.fasProvider(b -> b);
            AuthenticatedUser user = own.login(provider, LoginRequest.builder().build(), "citizen", DigitalKey.EID);
            own.fas.registerSamlServiceProvider(new SamlServiceProvider(SamlHarness.SP_ENTITY_ID, List.of(SamlHarness.ACS),
                    Optional.empty(), Optional.empty()).withSingleLogoutUrl(SamlHarness.SLO));

            assertThat(send(provider.startLogout(LogoutRequest.of(user)).location()).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void sloRequest_fromAnSpWithoutSloUrl_getsTheLoggedOutPage() throws Exception {
        try (SamlHarness own = new SamlHarness(Instant.parse("2026-03-02T10:00:00Z"), false)) {
            own.fas.registerSamlServiceProvider(SamlHarness.serviceProvider(false));
            SamlProvider provider = own.fasProvider(b -> b);
            AuthenticatedUser user = own.login(provider, LoginRequest.builder().build(), "citizen", DigitalKey.EID);

            HttpResponse<String> response = send(provider.startLogout(LogoutRequest.of(user)).location());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("logged out");
        }
    }

    private AuthenticatedUser login(SamlProvider provider) {
        return harness.login(provider, LoginRequest.builder().build(), "citizen", DigitalKey.EID);
    }

    private URI logoutThroughTheFake(SamlProvider provider) throws Exception {
        return logoutThroughTheFake(provider, "citizen", DigitalKey.EID);
    }

    /** Logs in, sends the SDK's LogoutRequest to the fake and returns where the fake redirects the browser. */
    private URI logoutThroughTheFake(SamlProvider provider, String person, DigitalKey key) throws Exception {
        AuthenticatedUser user = harness.login(provider, LoginRequest.builder().build(), person, key);
        HttpRedirect logout = provider.startLogout(new LogoutRequest(user.session(), Optional.empty(), Optional.of(STATE)));
        return follow(logout.location());
    }

    private URI follow(URI location) throws Exception {
        HttpResponse<String> response = send(location);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    private HttpResponse<String> send(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The parameters as sent, still URL-encoded, in order. */
    private static Map<String, String> raw(String rawQuery) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            raw.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return raw;
    }

    private static String query(Map<String, String> raw) {
        StringBuilder query = new StringBuilder();
        raw.forEach((name, value) -> query.append(query.length() == 0 ? "" : "&").append(name).append('=').append(value));
        return query.toString();
    }

    /** SAML Bindings 3.4.4.1: the signature covers SAMLResponse, RelayState and SigAlg as encoded. */
    private static boolean verifies(Map<String, String> raw, X509Certificate certificate) throws Exception {
        String signed = "SAMLResponse=" + raw.get("SAMLResponse") + "&RelayState=" + raw.get("RelayState")
                + "&SigAlg=" + raw.get("SigAlg");
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(signed.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(decoded(raw.get("Signature"))));
    }

    private static Element xml(String encodedMessage) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(inflate(encodedMessage))).getDocumentElement();
    }

    private static byte[] inflate(String encodedMessage) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(Base64.getDecoder().decode(decoded(encodedMessage)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    throw new IllegalStateException("truncated DEFLATE data");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalStateException(e);
        } finally {
            inflater.end();
        }
    }

    private static String deflate(String xml) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return encoded(Base64.getEncoder().encodeToString(out.toByteArray()));
    }

    private static String decoded(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
