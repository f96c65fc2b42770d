package be.fedauth.testkit.internal;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.Language;
import be.fedauth.testkit.Person;

import java.util.Optional;
import java.util.Set;

/**
 * A validated authorization (OIDC) or authentication request (SAML) waiting for the user to log in.
 * The protocol's authorize / SSO handler builds one and returns {@link FakeIdpContext#login(PendingAuthorization)};
 * the shell then either completes it at once (a preselected login) or shows the login page, and
 * calls {@link #complete} or {@link #refuse} exactly once.
 */
public interface PendingAuthorization {
    /** Issues the result for this person and key: the code redirect, or the SAML auto-post page. */
    FakeResponse complete(Person person, DigitalKey key);

    /**
     * Sends the refusal back to the relying party: OIDC {@code error=access_denied} redirect, SAML Response
     * with status {@code Responder} / {@code AuthnFailed}.
     */
    FakeResponse refuse(LoginCheck.Refusal refusal);

    /** The keys the relying party asked for (empty: any key at or above {@link #minimumLevel()}). */
    Set<DigitalKey> requestedKeys();

    /** The minimum level asked for, if any. */
    Optional<AssuranceLevel> minimumLevel();

    /** The language of the login page ({@code ui_locales}, or the SP's choice). */
    Language language();

    /** Which IdP the login goes to. */
    Idp idp();

    /** The relying party (client id or SP entity id), shown on the login page. */
    String relyingParty();
}
