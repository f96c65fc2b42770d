package be.fedauth.core;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES-256 key with an id, for {@link PendingLoginSealer}. The id travels in every sealed value so
 * that keys can be rotated: seal with the new key, keep opening with the old one for a while.
 * {@link #toString()} shows the id only.
 */
public final class SealingKey {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final String id;
    private final SecretKey key;

    private SealingKey(String id, byte[] bytes) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bytes, "bytes");
        if (!ID.matcher(id).matches()) {
            throw new ConfigurationException("a sealing key id is 1 to 32 letters, digits, '-' or '_'");
        }
        if (bytes.length != 32) {
            throw new ConfigurationException("a sealing key is 32 bytes (AES-256), not " + bytes.length);
        }
        this.id = id;
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** A key from 32 bytes (copied). */
    public static SealingKey of(String id, byte[] bytes) {
        return new SealingKey(id, Arrays.copyOf(bytes, bytes.length));
    }

    /** A key from 32 bytes written in base64 or base64url, as kept in configuration. */
    public static SealingKey fromBase64(String id, String base64) {
        Objects.requireNonNull(base64, "base64");
        try {
            String normal = base64.trim().replace('-', '+').replace('_', '/');
            return new SealingKey(id, Base64.getDecoder().decode(normal));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("the sealing key " + id + " is not base64");
        }
    }

    /** A fresh random key. */
    public static SealingKey generate(String id) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new SealingKey(id, bytes);
    }

    /** The key id. */
    public String id() {
        return id;
    }

    SecretKey secretKey() {
        return key;
    }

    @Override
    public String toString() {
        return "SealingKey[id=" + id + ", key=***]";
    }
}
