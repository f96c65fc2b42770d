package be.fedauth.core.spi;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.NationalRegisterNumber;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One audit event.
 *
 * @param type what happened, snake_case ("login_started", "login_succeeded", "login_failed",
 *     "replay_refused", "store_failure"...)
 * @param at when
 * @param provider the provider involved
 * @param subject a pseudonym of the user (see {@link #pseudonym(NationalRegisterNumber, byte[])}), when known
 * @param error the error code of a failure
 * @param details further values, never personal data or secrets
 */
public record AuditEvent(String type, Instant at, String provider, Optional<String> subject,
                         Optional<ErrorCode> error, Map<String, String> details) {

    /** Validates and copies. */
    public AuditEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(error, "error");
        details = Map.copyOf(details);
    }

    /**
     * A stable pseudonym of a national register number: HMAC-SHA256 under an operator key, first 16
     * bytes in hex. The same person gets the same pseudonym under the same key; without the key it
     * cannot be reversed by trying every number.
     */
    public static String pseudonym(NationalRegisterNumber number, byte[] key) {
        Objects.requireNonNull(number, "number");
        if (key.length < 16) {
            throw new IllegalArgumentException("a pseudonym key has at least 16 bytes");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] out = mac.doFinal(number.digits().getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(out, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
