package be.fedauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.SealingKey;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every way the callback can be attacked or go stale, with the pending login sealed in the cookie and
 * kept in a store: each must fail with its error code, a 400, and no login.
 */
class CallbackAttackTest {

    enum Attack {
        MISSING_COOKIE(ErrorCode.PENDING_LOGIN_NOT_FOUND, ErrorCode.PENDING_LOGIN_NOT_FOUND) {
            @Override
            HttpResponse<String> run(Context c) {
                String state = Fixture.state(Fixture.startOidc(c.browser, "service=NCTS"));
                c.browser.forget("fedauth_pending");
                return Fixture.oidcCallback(c.browser, state, Persona.ALICE);
            }
        },
        TAMPERED_COOKIE(ErrorCode.PENDING_LOGIN_INVALID, ErrorCode.PENDING_LOGIN_NOT_FOUND) {
            @Override
            HttpResponse<String> run(Context c) {
                String state = Fixture.state(Fixture.startOidc(c.browser, "service=NCTS"));
                String value = c.browser.cookie("fedauth_pending").orElseThrow();
                int i = value.length() - 5;
                char flipped = value.charAt(i) == 'A' ? 'B' : 'A';
                c.replaceCookie(value.substring(0, i) + flipped + value.substring(i + 1));
                return Fixture.oidcCallback(c.browser, state, Persona.ALICE);
            }
        },
        MALFORMED_COOKIE(ErrorCode.PENDING_LOGIN_INVALID, ErrorCode.PENDING_LOGIN_INVALID) {
            @Override
            HttpResponse<String> run(Context c) {
                String state = Fixture.state(Fixture.startOidc(c.browser, "service=NCTS"));
                c.replaceCookie("no-protocol-separator");
                return Fixture.oidcCallback(c.browser, state, Persona.ALICE);
            }
        },
        EXPIRED(ErrorCode.PENDING_LOGIN_EXPIRED, ErrorCode.PENDING_LOGIN_NOT_FOUND) {
            @Override
            HttpResponse<String> run(Context c) {
                String state = Fixture.state(Fixture.startOidc(c.browser, "service=NCTS"));
                c.fixture.clock.advance(Duration.ofMinutes(10));
                return Fixture.oidcCallback(c.browser, state, Persona.ALICE);
            }
        },
        STATE_MISMATCH(ErrorCode.STATE_MISMATCH, ErrorCode.STATE_MISMATCH) {
            @Override
            HttpResponse<String> run(Context c) {
                Fixture.startOidc(c.browser, "service=NCTS");
                return Fixture.oidcCallback(c.browser, "another-browsers-state", Persona.ALICE);
            }
        },
        REPLAYED_CALLBACK(ErrorCode.REPLAY_DETECTED, ErrorCode.PENDING_LOGIN_NOT_FOUND) {
            @Override
            HttpResponse<String> run(Context c) {
                Browser victim = new Browser(c.portal.base());
                String state = Fixture.state(Fixture.startOidc(victim, "service=NCTS"));
                String cookie = victim.cookie("fedauth_pending").orElseThrow();
                assertThat(Fixture.oidcCallback(victim, state, Persona.ALICE).statusCode()).isEqualTo(302);
                c.browser.setCookie("fedauth_pending", cookie, "/callback");
                return Fixture.oidcCallback(c.browser, state, Persona.ALICE);
            }
        },
        REPLAYED_COOKIE_WITH_ANOTHER_ACCEPTED_CODE(ErrorCode.REPLAY_DETECTED, ErrorCode.PENDING_LOGIN_NOT_FOUND) {
            @Override
            HttpResponse<String> run(Context c) {
                // The provider accepts the second code: only the filter's own single use of the cookie refuses it.
                Browser victim = new Browser(c.portal.base());
                String state = Fixture.state(Fixture.startOidc(victim, "service=NCTS"));
                String cookie = victim.cookie("fedauth_pending").orElseThrow();
                assertThat(Fixture.oidcCallback(victim, state, Persona.ALICE).statusCode()).isEqualTo(302);
                c.browser.setCookie("fedauth_pending", cookie, "/callback");
                return Fixture.oidcCallback(c.browser, state, Persona.CAROL);
            }
        },
        COOKIE_OF_ANOTHER_DEPLOYMENT(ErrorCode.PENDING_LOGIN_UNKNOWN_KEY, ErrorCode.PENDING_LOGIN_NOT_FOUND) {
            @Override
            HttpResponse<String> run(Context c) throws Exception {
                Fixture other = new Fixture();
                try (Portal elsewhere = Portal.start(other.settings().sealedPendingLogins(SealingKey.generate("k2")).build())) {
                    Browser there = new Browser(elsewhere.base());
                    String state = Fixture.state(Fixture.startOidc(there, "service=NCTS"));
                    c.replaceCookie(there.cookie("fedauth_pending").orElseThrow());
                    return Fixture.oidcCallback(c.browser, state, Persona.ALICE);
                }
            }
        },
        PROTOCOL_SWITCHED_IN_COOKIE(ErrorCode.PENDING_LOGIN_INVALID, ErrorCode.PENDING_LOGIN_INVALID) {
            @Override
            HttpResponse<String> run(Context c) {
                String state = Fixture.state(Fixture.startOidc(c.browser, "service=NCTS"));
                c.replaceCookie(c.browser.cookie("fedauth_pending").orElseThrow().replaceFirst("^oidc\\.", "saml."));
                return Fixture.oidcCallback(c.browser, state, Persona.ALICE);
            }
        },
        UNKNOWN_PROTOCOL_IN_COOKIE(ErrorCode.PENDING_LOGIN_INVALID, ErrorCode.PENDING_LOGIN_INVALID) {
            @Override
            HttpResponse<String> run(Context c) {
                String state = Fixture.state(Fixture.startOidc(c.browser, "service=NCTS"));
                c.replaceCookie(c.browser.cookie("fedauth_pending").orElseThrow().replaceFirst("^oidc\\.", "ldap."));
                return Fixture.oidcCallback(c.browser, state, Persona.ALICE);
            }
        },
        REPEATED_CALLBACK_PARAMETER(ErrorCode.MALFORMED_CALLBACK, ErrorCode.MALFORMED_CALLBACK) {
            @Override
            HttpResponse<String> run(Context c) {
                String state = Fixture.state(Fixture.startOidc(c.browser, "service=NCTS"));
                return c.browser.get("/callback/oidc?code=alice&code=carol&state=" + state);
            }
        };

        final ErrorCode sealed;
        final ErrorCode stored;

        Attack(ErrorCode sealed, ErrorCode stored) {
            this.sealed = sealed;
            this.stored = stored;
        }

        abstract HttpResponse<String> run(Context c) throws Exception;
    }

    /** What an attack works with. */
    static final class Context {
        final Fixture fixture;
        final Portal portal;
        final Browser browser;

        Context(Fixture fixture, Portal portal) {
            this.fixture = fixture;
            this.portal = portal;
            this.browser = new Browser(portal.base());
        }

        void replaceCookie(String value) {
            browser.forget("fedauth_pending");
            browser.setCookie("fedauth_pending", value, "/callback");
        }
    }

    @ParameterizedTest
    @EnumSource(Attack.class)
    void callback_withSealedCookie_refusesTheAttack(Attack attack) throws Exception {
        Fixture fixture = new Fixture();
        try (Portal portal = Portal.start(fixture.settings().build())) {
            assertRefused(attack, new Context(fixture, portal), attack.sealed);
        }
    }

    @ParameterizedTest
    @EnumSource(Attack.class)
    void callback_withStore_refusesTheAttack(Attack attack) throws Exception {
        Fixture fixture = new Fixture();
        try (Portal portal = Portal.start(fixture.storeSettings().build())) {
            assertRefused(attack, new Context(fixture, portal), attack.stored);
        }
    }

    private static void assertRefused(Attack attack, Context context, ErrorCode expected) throws Exception {
        HttpResponse<String> response = attack.run(context);

        assertThat(response.headers().firstValue("FedAuth-Error")).as(attack.name()).contains(expected.id());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<code>" + expected.id() + "</code>");
        assertThat(context.browser.get("/account").statusCode()).as("not logged in").isEqualTo(302);
    }
}
