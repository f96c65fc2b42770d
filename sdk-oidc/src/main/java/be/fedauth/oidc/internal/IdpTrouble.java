package be.fedauth.oidc.internal;

import be.fedauth.core.FedAuthException;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.oidc.OidcSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log line of a login that failed because the identity provider is down, slow or answering
 * garbage: WARN (an operator must look), with the error code and a cleaned reason that is never
 * "null" ({@link Reasons}). Refusals of the user's input are not logged here.
 */
final class IdpTrouble {
    private static final Logger LOG = LoggerFactory.getLogger(IdpTrouble.class);

    private IdpTrouble() {
    }

    static void log(OidcSettings settings, String during, FedAuthException e) {
        if (e instanceof IdpUnavailableException) {
            LOG.warn("OpenID provider {}: {} failed, identity provider trouble ({}): {}", settings.providerId(), during,
                    e.code(), Reasons.of(e));
        }
    }
}
