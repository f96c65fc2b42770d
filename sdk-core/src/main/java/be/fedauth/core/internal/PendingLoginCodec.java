package be.fedauth.core.internal;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.Language;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.ProviderId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The compact binary form of a {@link PendingLogin}, before sealing. */
public final class PendingLoginCodec {
    private PendingLoginCodec() {
    }

    /** Encodes every field. */
    public static byte[] encode(PendingLogin p) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(p.provider().value());
            out.writeUTF(p.state());
            writeOptional(out, p.nonce());
            writeOptional(out, p.codeVerifier());
            writeOptional(out, p.requestId());
            out.writeByte(p.minimumLevel().map(Enum::ordinal).orElse(-1));
            int mask = 0;
            for (DigitalKey key : p.keys()) {
                mask |= 1 << key.ordinal();
            }
            out.writeShort(mask);
            writeOptional(out, p.eServiceId());
            writeOptional(out, p.returnTo());
            out.writeByte(p.language().ordinal());
            writeInstant(out, p.createdAt());
            writeInstant(out, p.expiresAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes; any inconsistency is {@link ErrorCode#PENDING_LOGIN_INVALID}. */
    public static PendingLogin decode(byte[] plain) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            ProviderId provider = new ProviderId(in.readUTF());
            String state = in.readUTF();
            Optional<String> nonce = readOptional(in);
            Optional<String> verifier = readOptional(in);
            Optional<String> requestId = readOptional(in);
            int level = in.readByte();
            Optional<AssuranceLevel> minimum = level < 0 ? Optional.empty() : Optional.of(AssuranceLevel.values()[level]);
            int mask = in.readShort() & 0xffff;
            Set<DigitalKey> keys = EnumSet.noneOf(DigitalKey.class);
            for (DigitalKey key : DigitalKey.values()) {
                if ((mask & (1 << key.ordinal())) != 0) {
                    keys.add(key);
                }
            }
            Optional<String> eService = readOptional(in);
            Optional<String> returnTo = readOptional(in);
            Language language = Language.values()[in.readByte()];
            Instant created = readInstant(in);
            Instant expires = readInstant(in);
            if (in.available() != 0) {
                throw new IOException("trailing bytes");
            }
            return new PendingLogin(provider, state, nonce, verifier, requestId, minimum, keys, eService, returnTo,
                    language, created, expires);
        } catch (IOException | RuntimeException e) {
            throw new AuthenticationException(ErrorCode.PENDING_LOGIN_INVALID, "sealed pending login is inconsistent");
        }
    }

    private static void writeOptional(DataOutputStream out, Optional<String> value) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            out.writeUTF(value.get());
        }
    }

    private static Optional<String> readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
