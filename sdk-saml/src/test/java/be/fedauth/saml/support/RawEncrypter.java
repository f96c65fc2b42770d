package be.fedauth.saml.support;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.w3c.dom.Element;

/**
 * Puts any plaintext into an EncryptedAssertion made by {@link TestIdp} (AES-256-GCM content, RSA-OAEP
 * key transport to the SP), with the JDK's ciphers: the plaintext need not be XML a DOM serialiser can
 * write (thousands of nested elements overflow the serialiser's own recursion).
 */
public final class RawEncrypter {
    public static final String XENC = "http://www.w3.org/2001/04/xmlenc#";

    private RawEncrypter() {
    }

    /** Replaces the cipher values of the EncryptedAssertion under {@code response} with {@code plaintext}. */
    public static void replacePlaintext(Element response, byte[] plaintext, X509Certificate to) {
        try {
            Element encryptedAssertion = Dom.child(response, Dom.SAML, "EncryptedAssertion");
            Element data = Dom.child(encryptedAssertion, XENC, "EncryptedData");
            Element key = Dom.first(encryptedAssertion, XENC, "EncryptedKey");
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            SecretKey aes = generator.generateKey();
            byte[] iv = new byte[12];
            new SecureRandom().nextBytes(iv);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(128, iv));
            byte[] sealed = gcm.doFinal(plaintext);
            byte[] ivAndSealed = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, ivAndSealed, 0, iv.length);
            System.arraycopy(sealed, 0, ivAndSealed, iv.length, sealed.length);
            Dom.first(Dom.child(data, XENC, "CipherData"), XENC, "CipherValue")
                    .setTextContent(Base64.getEncoder().encodeToString(ivAndSealed));
            Element digest = Dom.first(key, Dom.DS, "DigestMethod");
            String digestName = digest != null && digest.getAttribute("Algorithm").endsWith("sha256") ? "SHA-256" : "SHA-1";
            Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
            oaep.init(Cipher.ENCRYPT_MODE, to.getPublicKey(),
                    new OAEPParameterSpec(digestName, "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT));
            Dom.first(Dom.child(key, XENC, "CipherData"), XENC, "CipherValue")
                    .setTextContent(Base64.getEncoder().encodeToString(oaep.doFinal(aes.getEncoded())));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
