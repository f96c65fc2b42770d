package be.fedauth.testkit.internal.saml;

import be.fedauth.testkit.internal.FakeIdpContext;
import be.fedauth.testkit.internal.KeyMaterial;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.Deflater;
import org.opensaml.saml.common.SAMLObject;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/**
 * The IdP's answer to an SP-initiated LogoutRequest (SAML Profiles 4.4.3.3): a LogoutResponse with
 * status Success, InResponseTo the request's ID and Destination the SP's single-logout URL, sent over
 * HTTP-Redirect (SAML Bindings 3.4.4) with a detached RSA-SHA256 signature by the IdP's current key;
 * {@link #encode} sends any message that way (the IdP-initiated LogoutRequest too).
 */
final class LogoutResponses {
    private LogoutResponses() {
    }

    /** The URL the browser is redirected to: the SLO URL with SAMLResponse, RelayState, SigAlg and Signature. */
    static URI redirect(IdpSide side, FakeIdpContext context, URI sloUrl, String inResponseTo, Optional<String> relayState) {
        SamlRuntime saml = SamlRuntime.get();
        LogoutResponse response = saml.build(LogoutResponse.DEFAULT_ELEMENT_NAME);
        response.setID("_" + context.randomId());
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(context.clock().instant());
        response.setDestination(sloUrl.toString());
        response.setInResponseTo(inResponseTo);
        Issuer issuer = saml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(side.entityId(context));
        response.setIssuer(issuer);
        Status status = saml.build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode code = saml.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(StatusCode.SUCCESS);
        status.setStatusCode(code);
        response.setStatus(status);
        return encode(sloUrl, "SAMLResponse", response, relayState, side.keys(context).current());
    }

    /**
     * A message sent over HTTP-Redirect (Bindings 3.4.4): {@code target} with the DEFLATEd message in
     * {@code parameter}, RelayState, SigAlg and a detached RSA-SHA256 signature by {@code key}.
     */
    static URI encode(URI target, String parameter, SAMLObject message, Optional<String> relayState, KeyMaterial key) {
        // Bindings 3.4.4.1: no enveloped signature; the query string is signed instead.
        byte[] xml = SamlRuntime.serialize(SamlRuntime.get().marshall(message));
        StringBuilder query = new StringBuilder(parameter).append('=')
                .append(url(Base64.getEncoder().encodeToString(deflate(xml))));
        relayState.ifPresent(r -> query.append("&RelayState=").append(url(r)));
        query.append("&SigAlg=").append(url(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256));
        String signature = sign(query.toString(), key);
        query.append("&Signature=").append(url(signature));
        return URI.create(target + (target.getRawQuery() == null ? "?" : "&") + query);
    }

    /** Raw DEFLATE (RFC 1951), as Bindings 3.4.4.1 requires. */
    private static byte[] deflate(byte[] xml) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(xml);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static String sign(String signed, KeyMaterial key) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key.privateKey());
            signer.update(signed.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the LogoutResponse", e);
        }
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
