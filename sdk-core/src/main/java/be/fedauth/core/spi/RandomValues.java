package be.fedauth.core.spi;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random values for state, nonce, PKCE verifiers, SAML ids and store handles. The default draws 32
 * bytes from {@link SecureRandom} and encodes them base64url without padding (43 characters). A
 * deterministic implementation belongs in tests only.
 */
@FunctionalInterface
public interface RandomValues {

    /** A fresh unpredictable value, URL-safe. */
    String next();

    /** 32 bytes from {@link SecureRandom}, base64url. */
    static RandomValues secure() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        };
    }
}
