package be.fedauth.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The signing keys of an IdP: the current one signs; the previous ones stay published (JWKS, metadata)
 * after a rotation so that tokens signed before it still verify.
 *
 * @param current  the key that signs now
 * @param previous keys signed with before, most recent first
 */
public record SigningKeys(KeyMaterial current, List<KeyMaterial> previous) {
    public SigningKeys {
        Objects.requireNonNull(current, "current");
        previous = List.copyOf(previous);
    }

    /** Every published key, the current one first. */
    public List<KeyMaterial> published() {
        List<KeyMaterial> all = new ArrayList<>();
        all.add(current);
        all.addAll(previous);
        return List.copyOf(all);
    }

    /** The keys after rotating to {@code next}: the current one becomes the most recent previous one. */
    public SigningKeys rotatedTo(KeyMaterial next) {
        List<KeyMaterial> older = new ArrayList<>();
        older.add(current);
        older.addAll(previous);
        return new SigningKeys(next, older);
    }
}
