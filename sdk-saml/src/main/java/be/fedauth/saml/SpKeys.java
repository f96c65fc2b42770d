package be.fedauth.saml;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The service provider's keys, with room for a rollover: the current signing key signs requests and
 * metadata; the next signing key is published in the metadata ahead of its use. Assertions may be
 * encrypted to the current or the next encryption key (by default the signing keys), and both are
 * tried. Immutable.
 *
 * <p>Rollover: publish metadata with {@code withNextSigningKey(k)} and let the identity provider
 * load it; then swap (make {@code k} current, keep the old one as next until every in-flight login
 * is done); then drop the old key.
 */
public final class SpKeys {
    private final SpKey signing;
    private final Optional<SpKey> nextSigning;
    private final Optional<SpKey> encryption;
    private final Optional<SpKey> nextEncryption;

    private SpKeys(SpKey signing, Optional<SpKey> nextSigning, Optional<SpKey> encryption, Optional<SpKey> nextEncryption) {
        this.signing = signing;
        this.nextSigning = nextSigning;
        this.encryption = encryption;
        this.nextEncryption = nextEncryption;
    }

    /** One key for everything. */
    public static SpKeys of(SpKey signing) {
        return new SpKeys(Objects.requireNonNull(signing, "signing"), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A copy with a second signing key published for rollover. */
    public SpKeys withNextSigningKey(SpKey key) {
        return new SpKeys(signing, Optional.of(Objects.requireNonNull(key, "key")), encryption, nextEncryption);
    }

    /** A copy with a separate encryption key. */
    public SpKeys withEncryptionKey(SpKey key) {
        return new SpKeys(signing, nextSigning, Optional.of(Objects.requireNonNull(key, "key")), nextEncryption);
    }

    /** A copy with a second encryption key published and accepted for rollover. */
    public SpKeys withNextEncryptionKey(SpKey key) {
        return new SpKeys(signing, nextSigning, encryption, Optional.of(Objects.requireNonNull(key, "key")));
    }

    /** The key that signs. */
    public SpKey signing() {
        return signing;
    }

    /** The signing keys to publish, current first. */
    public List<SpKey> publishedSigningKeys() {
        List<SpKey> keys = new ArrayList<>(List.of(signing));
        nextSigning.ifPresent(keys::add);
        return List.copyOf(keys);
    }

    /**
     * The keys an assertion may be encrypted to, current first: the encryption keys if set, else the
     * signing keys.
     */
    public List<SpKey> decryptionKeys() {
        List<SpKey> keys = new ArrayList<>();
        if (encryption.isPresent()) {
            keys.add(encryption.get());
            nextEncryption.ifPresent(keys::add);
        } else {
            keys.addAll(publishedSigningKeys());
            nextEncryption.ifPresent(keys::add);
        }
        return List.copyOf(keys);
    }

    @Override
    public String toString() {
        return "SpKeys[signing=" + signing + ", next=" + nextSigning.map(SpKey::toString).orElse("none")
                + ", encryption=" + encryption.map(SpKey::toString).orElse("signing key") + "]";
    }
}
