package be.fedauth.oidc;

import be.fedauth.core.ConfigurationException;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Objects;
import java.util.Optional;

/**
 * How the relying party proves itself at the token endpoint (OIDC Core 9): {@code client_secret_basic}
 * (what FAS clients use) or {@code private_key_jwt} (a JWT signed with the client's private key).
 * Immutable; {@link #toString()} never shows the secret or the key.
 */
public final class ClientAuthentication {

    /** The two supported methods. */
    public enum Method {
        /** HTTP Basic with the client id and secret (RFC 6749 2.3.1). */
        CLIENT_SECRET_BASIC,
        /** A JWT assertion signed with the client's private key (RFC 7523, OIDC Core 9). */
        PRIVATE_KEY_JWT
    }

    private final Method method;
    private final Optional<String> secret;
    private final Optional<PrivateKey> privateKey;
    private final Optional<String> keyId;
    private final String algorithm;

    private ClientAuthentication(Method method, Optional<String> secret, Optional<PrivateKey> privateKey,
                                 Optional<String> keyId, String algorithm) {
        this.method = method;
        this.secret = secret;
        this.privateKey = privateKey;
        this.keyId = keyId;
        this.algorithm = algorithm;
    }

    /**
     * {@code client_secret_basic} with the secret the identity provider issued.
     *
     * @throws ConfigurationException when the secret is blank
     */
    public static ClientAuthentication clientSecretBasic(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank()) {
            throw new ConfigurationException("the client secret is blank");
        }
        return new ClientAuthentication(Method.CLIENT_SECRET_BASIC, Optional.of(secret), Optional.empty(),
                Optional.empty(), "");
    }

    /**
     * {@code private_key_jwt}: assertions signed with an RSA key (RS256) or a P-256 EC key (ES256).
     *
     * @param privateKey the client's private key, whose public key the identity provider knows
     * @param keyId the {@code kid} the identity provider knows the key under
     * @throws ConfigurationException when the key is neither RSA of 2048 bits or more nor EC P-256, or
     *     the key id is blank
     */
    public static ClientAuthentication privateKeyJwt(PrivateKey privateKey, String keyId) {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(keyId, "keyId");
        if (keyId.isBlank()) {
            throw new ConfigurationException("the key id of the client key is blank");
        }
        String alg;
        if (privateKey instanceof RSAPrivateKey rsa) {
            if (rsa.getModulus().bitLength() < 2048) {
                throw new ConfigurationException("an RSA client key has at least 2048 bits (RFC 7518 3.3)");
            }
            alg = "RS256";
        } else if (privateKey instanceof ECPrivateKey ec) {
            if (ec.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new ConfigurationException("an EC client key is on P-256 (ES256)");
            }
            alg = "ES256";
        } else {
            throw new ConfigurationException("private_key_jwt needs an RSA or EC private key");
        }
        return new ClientAuthentication(Method.PRIVATE_KEY_JWT, Optional.empty(), Optional.of(privateKey),
                Optional.of(keyId), alg);
    }

    /** The method. */
    public Method method() {
        return method;
    }

    /** The client secret, for {@link Method#CLIENT_SECRET_BASIC}. Never log it. */
    public Optional<String> secret() {
        return secret;
    }

    /** The private key, for {@link Method#PRIVATE_KEY_JWT}. */
    public Optional<PrivateKey> privateKey() {
        return privateKey;
    }

    /** The key id, for {@link Method#PRIVATE_KEY_JWT}. */
    public Optional<String> keyId() {
        return keyId;
    }

    /** The JWS algorithm of the assertion ("RS256" or "ES256"); empty for a secret. */
    public String algorithm() {
        return algorithm;
    }

    @Override
    public String toString() {
        return method == Method.CLIENT_SECRET_BASIC ? "client_secret_basic(secret=***)"
                : "private_key_jwt(kid=" + keyId.orElse("") + ", alg=" + algorithm + ", key=***)";
    }
}
