package be.fedauth.saml;

import be.fedauth.core.HttpRedirect;
import be.fedauth.core.IdpLogoutRequest;
import be.fedauth.core.SessionReference;
import java.util.List;
import java.util.Objects;

/**
 * A LogoutRequest from the identity provider that passed its checks: end the matching local session,
 * then send the browser to {@link #response()} (the signed LogoutResponse).
 *
 * @param nameId the NameID of the session to end
 * @param sessionIndexes the SessionIndex values named; empty for every session of that NameID
 * @param response where to send the browser afterwards
 */
public record IdpInitiatedLogout(String nameId, List<String> sessionIndexes, HttpRedirect response)
        implements IdpLogoutRequest {
    /** Validates and copies. */
    public IdpInitiatedLogout {
        Objects.requireNonNull(nameId, "nameId");
        sessionIndexes = List.copyOf(sessionIndexes);
        Objects.requireNonNull(response, "response");
    }

    /**
     * Whether this logout ends the session of a user logged in through this provider: same NameID, and
     * one of the SessionIndex values named (any session of that NameID when none is named).
     */
    @Override
    public boolean matches(SessionReference session) {
        Objects.requireNonNull(session, "session");
        if (!session.value(SamlSessionValues.NAME_ID).map(nameId::equals).orElse(false)) {
            return false;
        }
        return sessionIndexes.isEmpty()
                || session.value(SamlSessionValues.SESSION_INDEX).map(sessionIndexes::contains).orElse(false);
    }

    @Override
    public String toString() {
        return "IdpInitiatedLogout[sessionIndexes=" + sessionIndexes.size() + ", response=" + response + "]";
    }
}
