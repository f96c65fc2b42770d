package be.fedauth.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.saml.internal.MessageFactory;
import be.fedauth.saml.internal.OpenSaml;
import be.fedauth.saml.support.SpFixture;
import be.fedauth.saml.support.TestIdp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Logout messages read from the raw query string, encoded here independently of {@code RedirectCodec}
 * (lowercase percent-escapes, as some IdPs write them): SAML Bindings 3.4.4.1 signs the values as encoded.
 */
class RawQueryLogoutTest {
    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private final SpFixture fixture = new SpFixture();

    @Test
    void handleLogoutRequest_rawQueryWithLowercaseEscapes_isAccepted() {
        String query = signedQuery("SAMLRequest", logoutRequestXml(), "relay/state+1", "");

        IdpInitiatedLogout logout = fixture.provider.handleLogoutRequest(query);

        assertThat(logout.nameId()).isEqualTo("_transient-1234");
        assertThat(SingleLogoutTest.query(logout.response().location())).containsEntry("RelayState", "relay/state+1");
    }

    @Test
    void handleLogoutRequest_rawQueryWithLowercaseEscapesReadAsParsedParameters_failsWithInvalidSignature() {
        // Why the raw query matters: re-encoding the decoded values gives uppercase escapes, another string.
        String query = signedQuery("SAMLRequest", logoutRequestXml(), "relay/state+1", "");
        var parameters = new java.util.LinkedHashMap<String, String>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> fixture.provider.handleLogoutRequest(be.fedauth.core.CallbackRequest.get(parameters)))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIGNATURE));
    }

    @Test
    void handleLogoutRequest_rawQueryWithRelayStateChangedAfterSigning_failsWithInvalidSignature() {
        String query = signedQuery("SAMLRequest", logoutRequestXml(), "relay", "");

        assertThatThrownBy(() -> fixture.provider.handleLogoutRequest(query.replace("RelayState=relay", "RelayState=other")))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIGNATURE));
    }

    @Test
    void handleLogoutRequest_rawQueryWithTheSignatureTwice_failsWithMalformedCallback() {
        String query = signedQuery("SAMLRequest", logoutRequestXml(), "relay", "");

        assertThatThrownBy(() -> fixture.provider.handleLogoutRequest(query + "&Signature=AAAA"))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_CALLBACK));
    }

    @Test
    void finishLogout_rawQueryWithLowercaseEscapesAnsweringOurRequest_passes() {
        SingleLogoutTest slo = new SingleLogoutTest();
        String requestId = slo.sentLogoutRequestId(SingleLogoutTest.STATE);
        var response = MessageFactory.logoutResponse("_lr1", slo.fixture().clock.instant(), SpFixture.SLO,
                TestIdp.ENTITY_ID, requestId);
        String query = signedQuery("SAMLResponse", OpenSaml.serialize(OpenSaml.get().marshall(response)),
                SingleLogoutTest.STATE, "app=1&");

        slo.fixture().provider.finishLogout(query, SingleLogoutTest.STATE);
    }

    private byte[] logoutRequestXml() {
        var request = MessageFactory.logoutRequest("_idp-lo-raw", fixture.clock.instant(), SpFixture.SLO, TestIdp.ENTITY_ID,
                "_transient-1234", Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("s-1"));
        return OpenSaml.serialize(OpenSaml.get().marshall(request));
    }

    /** {@code prefix} + parameter, RelayState, SigAlg, Signature, each value percent-encoded with lowercase hex. */
    private String signedQuery(String parameter, byte[] xml, String relayState, String prefix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            deflate.write(xml);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        String signed = parameter + "=" + lower(Base64.getEncoder().encodeToString(out.toByteArray()))
                + "&RelayState=" + lower(relayState) + "&SigAlg=" + lower(RSA_SHA256);
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(fixture.idpKey.keyPair().getPrivate());
            signer.update(signed.getBytes(StandardCharsets.UTF_8));
            return prefix + signed + "&Signature=" + lower(Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Percent-encodes everything but unreserved characters (RFC 3986 2.3), with lowercase hex digits. */
    private static String lower(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02x", b & 0xff));
            }
        }
        return out.toString();
    }
}
