package be.fedauth.core;

import be.fedauth.core.internal.PendingLoginCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals a {@link PendingLogin} into a compact, encrypted and authenticated string for a cookie, and
 * opens it again. AES-256-GCM with a random 96-bit IV; the format version and key id are
 * authenticated as associated data. Thread-safe.
 *
 * <p>Verified on {@link #open}: the format, the key id, the GCM tag (any change to any byte fails),
 * and the expiry against the clock. Not verified: that the value was not used before; the provider's
 * {@code state} check and the replay cache cover that.
 */
public final class PendingLoginSealer {
    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_SEALED_LENGTH = 4096;

    private final SealingKey primary;
    private final Map<String, SealingKey> keys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private PendingLoginSealer(SealingKey primary, List<SealingKey> older, Clock clock) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.clock = Objects.requireNonNull(clock, "clock");
        Map<String, SealingKey> all = new LinkedHashMap<>();
        all.put(primary.id(), primary);
        for (SealingKey key : older) {
            if (all.putIfAbsent(key.id(), key) != null) {
                throw new ConfigurationException("two sealing keys have the id " + key.id());
            }
        }
        this.keys = Map.copyOf(all);
    }

    /**
     * A sealer that seals with {@code primary} and also opens values sealed with the {@code older}
     * keys (rotation).
     */
    public static PendingLoginSealer create(SealingKey primary, List<SealingKey> older, Clock clock) {
        return new PendingLoginSealer(primary, List.copyOf(older), clock);
    }

    /** A sealer with a single key. */
    public static PendingLoginSealer create(SealingKey key, Clock clock) {
        return create(key, List.of(), clock);
    }

    /** Seals a pending login; the result is base64url, safe in a cookie. */
    public String seal(PendingLogin pending) {
        byte[] plain = PendingLoginCodec.encode(Objects.requireNonNull(pending, "pending"));
        byte[] kid = primary.id().getBytes(StandardCharsets.US_ASCII);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, primary.secretKey(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(header(kid));
            byte[] sealed = cipher.doFinal(plain);
            ByteBuffer out = ByteBuffer.allocate(2 + kid.length + IV_BYTES + sealed.length);
            out.put(VERSION).put((byte) kid.length).put(kid).put(iv).put(sealed);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * Opens a sealed pending login.
     *
     * @throws AuthenticationException {@link ErrorCode#PENDING_LOGIN_INVALID} when it is not one of
     *     ours or was changed or truncated, {@link ErrorCode#PENDING_LOGIN_UNKNOWN_KEY} when its key
     *     is not configured, {@link ErrorCode#PENDING_LOGIN_EXPIRED} when it has expired
     */
    public PendingLogin open(String sealed) {
        Objects.requireNonNull(sealed, "sealed");
        if (sealed.isEmpty() || sealed.length() > MAX_SEALED_LENGTH) {
            throw invalid("wrong length");
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw invalid("not base64url");
        }
        if (raw.length < 2 || raw[0] != VERSION) {
            throw invalid("unknown format");
        }
        int kidLength = raw[1] & 0xff;
        if (raw.length < 2 + kidLength + IV_BYTES + TAG_BITS / 8) {
            throw invalid("truncated");
        }
        byte[] kid = java.util.Arrays.copyOfRange(raw, 2, 2 + kidLength);
        SealingKey key = keys.get(new String(kid, StandardCharsets.US_ASCII));
        if (key == null) {
            throw new AuthenticationException(ErrorCode.PENDING_LOGIN_UNKNOWN_KEY,
                    "pending login sealed with a key that is not configured");
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(),
                    new GCMParameterSpec(TAG_BITS, raw, 2 + kidLength, IV_BYTES));
            cipher.updateAAD(header(kid));
            int offset = 2 + kidLength + IV_BYTES;
            plain = cipher.doFinal(raw, offset, raw.length - offset);
        } catch (AEADBadTagException e) {
            throw invalid("authentication tag does not match");
        } catch (GeneralSecurityException e) {
            throw invalid("cannot be decrypted");
        }
        PendingLogin pending = PendingLoginCodec.decode(plain);
        if (pending.isExpired(clock.instant())) {
            throw new AuthenticationException(ErrorCode.PENDING_LOGIN_EXPIRED, "the login took too long");
        }
        return pending;
    }

    private static byte[] header(byte[] kid) {
        byte[] header = new byte[1 + kid.length];
        header[0] = VERSION;
        System.arraycopy(kid, 0, header, 1, kid.length);
        return header;
    }

    private static AuthenticationException invalid(String why) {
        return new AuthenticationException(ErrorCode.PENDING_LOGIN_INVALID, "sealed pending login rejected: " + why);
    }

    @Override
    public String toString() {
        return "PendingLoginSealer[primary=" + primary.id() + ", keys=" + keys.keySet() + "]";
    }
}
