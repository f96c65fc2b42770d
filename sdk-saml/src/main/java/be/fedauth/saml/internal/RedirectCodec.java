package be.fedauth.saml.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The HTTP-Redirect binding (SAML Bindings 3.4): DEFLATE, base64, URL encoding, and the detached
 * signature over {@code SAMLRequest=..&RelayState=..&SigAlg=..} (3.4.4.1). Inbound messages are
 * bounded before and while inflating, so a deflate bomb cannot exhaust memory. Stateless.
 */
public final class RedirectCodec {
    /** Largest base64 value accepted in an inbound redirect. */
    public static final int MAX_ENCODED = 16 * 1024;
    /** Largest inflated message accepted. */
    public static final int MAX_INFLATED = 64 * 1024;

    private RedirectCodec() {
    }

    /** The signed redirect URL for a message ({@code parameter} is SAMLRequest or SAMLResponse). */
    public static URI encode(URI destination, String parameter, byte[] xml, Optional<String> relayState, PrivateKey key) {
        StringBuilder query = new StringBuilder();
        query.append(parameter).append('=').append(url(Base64.getEncoder().encodeToString(deflate(xml))));
        relayState.ifPresent(r -> query.append("&RelayState=").append(url(r)));
        String algorithm = XmlSigner.algorithm(key);
        query.append("&SigAlg=").append(url(algorithm));
        try {
            Signature signer = Algorithms.newSignature(algorithm, "redirect");
            signer.initSign(key);
            signer.update(query.toString().getBytes(StandardCharsets.UTF_8));
            query.append("&Signature=").append(url(Base64.getEncoder().encodeToString(signer.sign())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the redirect cannot be signed", e);
        }
        String base = destination.toString();
        return URI.create(base + (destination.getRawQuery() == null ? "?" : "&") + query);
    }

    /**
     * Decodes an inbound redirect message and verifies its signature with the IdP's keys.
     *
     * @throws AuthenticationException {@code malformed_callback} (too large, not deflated, not
     *     base64), {@code unsigned_assertion} (no signature), {@code unsupported_algorithm},
     *     {@code invalid_signature}
     */
    public static byte[] decodeVerified(String parameter, String value, Optional<String> relayState,
                                        Optional<String> sigAlg, Optional<String> signature,
                                        List<X509Certificate> trusted) {
        byte[] xml = inflate(value);
        if (sigAlg.isEmpty() || signature.isEmpty()) {
            throw new AuthenticationException(ErrorCode.UNSIGNED_ASSERTION, "the redirect message is not signed");
        }
        Algorithms.checkSignature(sigAlg.get(), "redirect");
        StringBuilder signed = new StringBuilder(parameter).append('=').append(url(value));
        relayState.ifPresent(r -> signed.append("&RelayState=").append(url(r)));
        signed.append("&SigAlg=").append(url(sigAlg.get()));
        verify(signed.toString(), sigAlg.get(), signature.get(), trusted);
        return xml;
    }

    /** A message read from a raw query string: the inflated, signature-verified XML and the RelayState. */
    public record Inbound(byte[] xml, Optional<String> relayState) {
    }

    /**
     * Decodes an inbound redirect from the raw (still URL-encoded) query string and verifies its signature
     * over the parameters exactly as they were encoded (SAML Bindings 3.4.4.1: the signer's encoding may
     * differ from ours, for example lowercase percent-escapes).
     *
     * @throws AuthenticationException as {@link #decodeVerified}; {@code malformed_callback} for a
     *     missing or repeated parameter
     */
    public static Inbound decodeVerifiedRaw(String parameter, String rawQuery, List<X509Certificate> trusted) {
        if (rawQuery.length() > 2 * MAX_ENCODED + 8192) {
            throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "the redirect query is too large");
        }
        Map<String, String> raw = new java.util.HashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (raw.put(name, eq < 0 ? "" : pair.substring(eq + 1)) != null
                    && List.of(parameter, "RelayState", "SigAlg", "Signature").contains(name)) {
                throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "a redirect parameter is repeated");
            }
        }
        String value = raw.get(parameter);
        if (value == null) {
            throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "the redirect has no " + parameter);
        }
        byte[] xml = inflate(decoded(value));
        String sigAlg = raw.get("SigAlg");
        String signature = raw.get("Signature");
        if (sigAlg == null || signature == null) {
            throw new AuthenticationException(ErrorCode.UNSIGNED_ASSERTION, "the redirect message is not signed");
        }
        String algorithm = decoded(sigAlg);
        Algorithms.checkSignature(algorithm, "redirect");
        Optional<String> relayState = Optional.ofNullable(raw.get("RelayState"));
        StringBuilder signed = new StringBuilder(parameter).append('=').append(value);
        relayState.ifPresent(r -> signed.append("&RelayState=").append(r));
        signed.append("&SigAlg=").append(sigAlg);
        verify(signed.toString(), algorithm, decoded(signature), trusted);
        return new Inbound(xml, relayState.map(RedirectCodec::decoded));
    }

    private static String decoded(String value) {
        try {
            return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "a redirect parameter is not URL-encoded", e);
        }
    }

    private static void verify(String signed, String algorithm, String signature, List<X509Certificate> trusted) {
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getMimeDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException(ErrorCode.INVALID_SIGNATURE, "the redirect signature is not base64", e);
        }
        for (X509Certificate certificate : trusted) {
            PublicKey key = certificate.getPublicKey();
            if (!KeyStrength.isStrong(key)) {
                continue;
            }
            try {
                Signature verifier = Algorithms.newSignature(algorithm, "redirect");
                verifier.initVerify(key);
                verifier.update(signed.getBytes(StandardCharsets.UTF_8));
                if (verifier.verify(signatureBytes)) {
                    return;
                }
            } catch (GeneralSecurityException e) {
                // A key of another type, or a malformed signature: try the next key.
            }
        }
        throw new AuthenticationException(ErrorCode.INVALID_SIGNATURE, "the redirect signature does not verify");
    }

    /** Inflates a base64 DEFLATE value, refusing oversized input and output. */
    public static byte[] inflate(String value) {
        if (value.length() > MAX_ENCODED) {
            throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "the redirect message is too large");
        }
        byte[] compressed;
        try {
            compressed = Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "the redirect message is not base64", e);
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "the redirect message is truncated");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "the redirect message inflates too much");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "the redirect message is not DEFLATE data", e);
        } finally {
            inflater.end();
        }
    }

    /** Raw DEFLATE (RFC 1951), as the binding requires. */
    public static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFLATED, true);
        try {
            deflater.setInput(data);
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

    static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
