package be.fedauth.redis.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The names of the keys the stores write, all under the application's prefix:
 * {@code <prefix>:replay:<namespace>:<digest of id>} and {@code <prefix>:pending:<digest of handle>}.
 *
 * <p>Ids and handles are stored as SHA-256 digests (base64url): an OIDC authorization code is a
 * secret and a handle lets a browser finish a login, so neither is written to Redis in clear, and a
 * hostile id of any length or content still makes a short, plain key.
 */
public final class RedisKeys {
    private static final Pattern PLAIN_NAMESPACE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final String prefix;

    /** Keys under {@code prefix}. */
    public RedisKeys(String prefix) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /** The key that marks {@code id} of {@code namespace} as used. */
    public String replay(String namespace, String id) {
        String ns = PLAIN_NAMESPACE.matcher(namespace).matches() ? namespace : "~" + digest(namespace);
        return prefix + ":replay:" + ns + ":" + digest(id);
    }

    /** The key of the pending login behind {@code handle}. */
    public String pending(String handle) {
        return prefix + ":pending:" + digest(handle);
    }

    /** The prefix shared by every key of this application. */
    public String prefix() {
        return prefix;
    }

    static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
