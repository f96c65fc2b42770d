package be.fedauth.testkit.internal.oidc;

import be.fedauth.testkit.OidcAttack;
import be.fedauth.testkit.internal.FakeIdpContext;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Where each one-shot attack applies; an attack is taken from the queue only at its own point. */
final class Attacks {
    /** The response an attack changes. */
    enum Point { DISCOVERY, AUTHORIZATION_RESPONSE, ID_TOKEN, USERINFO, REFRESH, JWKS }

    private static final Set<OidcAttack> USERINFO = EnumSet.of(OidcAttack.USERINFO_SUB_MISMATCH,
            OidcAttack.USERINFO_BAD_SIGNATURE, OidcAttack.USERINFO_AUDIENCE_MISSING, OidcAttack.USERINFO_IAT_TOO_OLD,
            OidcAttack.USERINFO_PLAIN_JSON_OTHER_IDENTITY);
    private static final Set<OidcAttack> REFRESH = EnumSet.of(OidcAttack.REFRESH_OTHER_ISSUER,
            OidcAttack.REFRESH_OTHER_SUBJECT);

    private Attacks() {
    }

    static Point pointOf(OidcAttack attack) {
        if (USERINFO.contains(attack)) {
            return Point.USERINFO;
        }
        if (REFRESH.contains(attack)) {
            return Point.REFRESH;
        }
        return switch (attack) {
            case WRONG_ISS_PARAMETER -> Point.AUTHORIZATION_RESPONSE;
            case DISCOVERY_WRONG_ISSUER -> Point.DISCOVERY;
            case JWKS_EMPTY, JWKS_ENCRYPTION_KEYS_ONLY -> Point.JWKS;
            default -> Point.ID_TOKEN;
        };
    }

    /** Takes the oldest queued OIDC attack if it applies at {@code point}; a refresh also takes ID token attacks. */
    static Optional<OidcAttack> take(FakeIdpContext context, Point point) {
        for (Enum<?> queued : context.pendingAttacks()) {
            if (queued instanceof OidcAttack attack) {
                Point p = pointOf(attack);
                if (p == point || (point == Point.REFRESH && p == Point.ID_TOKEN)) {
                    return context.pollAttack(OidcAttack.class);
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
