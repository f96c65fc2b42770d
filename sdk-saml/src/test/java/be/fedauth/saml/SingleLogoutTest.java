package be.fedauth.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.AuthenticationException;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.HttpRedirect;
import be.fedauth.core.LogoutRequest;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.spi.AuditEvent;
import be.fedauth.saml.internal.MessageFactory;
import be.fedauth.saml.internal.OpenSaml;
import be.fedauth.saml.internal.RedirectCodec;
import be.fedauth.saml.support.SpFixture;
import be.fedauth.saml.support.TestCredentials;
import be.fedauth.saml.support.TestIdp;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SingleLogoutTest {
    static final String STATE = "logout-state-1";
    private final SpFixture fixture = new SpFixture();

    @Test
    void startLogout_loggedInUser_redirectsASignedLogoutRequestWithNameIdAndSessionIndex() {
        AuthenticatedUser user = login();

        HttpRedirect redirect = fixture.provider.startLogout(LogoutRequest.of(user));

        Map<String, String> query = query(redirect.location());
        assertThat(redirect.location().toString()).startsWith(TestIdp.SLO + "?");
        byte[] xml = RedirectCodec.decodeVerified("SAMLRequest", query.get("SAMLRequest"), Optional.empty(),
                Optional.of(query.get("SigAlg")), Optional.of(query.get("Signature")), List.of(fixture.spKey.certificate()));
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("LogoutRequest", "_transient-1234", "s-1");
    }

    @Test
    void handleLogoutRequest_signedByTheIdp_namesTheSessionAndAnswersSigned() {
        AuthenticatedUser user = login();

        IdpInitiatedLogout logout = fixture.provider.handleLogoutRequest(idpLogoutRequest(fixture.idpKey, SpFixture.SLO));

        assertThat(logout.matches(user.session())).isTrue();
        Map<String, String> query = query(logout.response().location());
        byte[] xml = RedirectCodec.decodeVerified("SAMLResponse", query.get("SAMLResponse"), Optional.of("relay"),
                Optional.of(query.get("SigAlg")), Optional.of(query.get("Signature")), List.of(fixture.spKey.certificate()));
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("LogoutResponse", "status:Success");
    }

    @Test
    void finishLogout_successfulIdpResponseToOurRequest_passes() {
        String requestId = sentLogoutRequestId(STATE);

        fixture.provider.finishLogout(idpLogoutResponse(requestId, STATE), STATE);
    }

    @ParameterizedTest
    @EnumSource(ResponseAttack.class)
    void finishLogout_attack_failsWithItsErrorCode(ResponseAttack attack) {
        String requestId = sentLogoutRequestId(STATE);
        CallbackRequest callback = switch (attack) {
            case ANSWERS_ANOTHER_REQUEST -> idpLogoutResponse("_another-request", STATE);
            case ANSWERS_ANOTHER_BROWSERS_REQUEST -> idpLogoutResponse(sentLogoutRequestId("other-state"), "other-state");
            case RELAY_STATE_CHANGED -> idpLogoutResponse(requestId, "other-state");
        };

        assertThatThrownBy(() -> fixture.provider.finishLogout(callback, STATE))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo(attack.expected));
    }

    /** Attacks on the LogoutResponse to our LogoutRequest. */
    enum ResponseAttack {
        ANSWERS_ANOTHER_REQUEST(ErrorCode.IN_RESPONSE_TO_MISMATCH),
        ANSWERS_ANOTHER_BROWSERS_REQUEST(ErrorCode.STATE_MISMATCH),
        RELAY_STATE_CHANGED(ErrorCode.STATE_MISMATCH);

        final ErrorCode expected;

        ResponseAttack(ErrorCode expected) {
            this.expected = expected;
        }
    }

    @Test
    void handleLogoutRequest_sameRequestTwice_failsWithReplayDetected() {
        login();
        fixture.provider.handleLogoutRequest(idpLogoutRequest(fixture.idpKey, SpFixture.SLO));

        assertThatThrownBy(() -> fixture.provider.handleLogoutRequest(idpLogoutRequest(fixture.idpKey, SpFixture.SLO)))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.REPLAY_DETECTED));
    }

    @Test
    void handleLogoutRequest_refused_isAuditedWithItsCode() {
        List<AuditEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        SpFixture audited = new SpFixture(b -> b.auditSink(events::add));
        SingleLogoutTest other = new SingleLogoutTest();
        CallbackRequest forged = other.idpLogoutRequest(TestCredentials.rsa("attacker"), SpFixture.SLO);

        assertThatThrownBy(() -> audited.provider.handleLogoutRequest(forged)).isInstanceOf(AuthenticationException.class);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("logout_request_refused");
            assertThat(e.error()).contains(ErrorCode.INVALID_SIGNATURE);
        });
    }

    @Test
    void handleLogoutRequest_justWithinMaxAgeAndSkew_isAccepted() {
        CallbackRequest callback = idpLogoutRequest(fixture.idpKey, SpFixture.SLO);
        fixture.clock.advance(Duration.ofMinutes(5).plusSeconds(59));

        assertThat(fixture.provider.handleLogoutRequest(callback).nameId()).isEqualTo("_transient-1234");
    }

    @ParameterizedTest
    @EnumSource(RedirectAttack.class)
    void handleLogoutRequest_attack_failsWithItsErrorCode(RedirectAttack attack) {
        CallbackRequest callback = attack.craft(this);

        assertThatThrownBy(() -> fixture.provider.handleLogoutRequest(callback))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo(attack.expected));
    }

    /** Attacks on the HTTP-Redirect binding. */
    enum RedirectAttack {
        UNSIGNED(ErrorCode.UNSIGNED_ASSERTION) {
            @Override
            CallbackRequest craft(SingleLogoutTest t) {
                Map<String, String> q = new LinkedHashMap<>(t.idpLogoutRequest(t.fixture.idpKey, SpFixture.SLO).parameters()
                        .entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0))));
                q.remove("Signature");
                q.remove("SigAlg");
                return CallbackRequest.get(q);
            }
        },
        SIGNED_BY_ANOTHER_KEY(ErrorCode.INVALID_SIGNATURE) {
            @Override
            CallbackRequest craft(SingleLogoutTest t) {
                return t.idpLogoutRequest(TestCredentials.rsa("attacker"), SpFixture.SLO);
            }
        },
        WRONG_DESTINATION(ErrorCode.DESTINATION_MISMATCH) {
            @Override
            CallbackRequest craft(SingleLogoutTest t) {
                return t.idpLogoutRequest(t.fixture.idpKey, "https://evil.example/slo");
            }
        },
        OVERSIZED(ErrorCode.MALFORMED_CALLBACK) {
            @Override
            CallbackRequest craft(SingleLogoutTest t) {
                return CallbackRequest.get(Map.of("SAMLRequest", "A".repeat(RedirectCodec.MAX_ENCODED + 4),
                        "SigAlg", "x", "Signature", "x"));
            }
        },
        REPLAYED(ErrorCode.REPLAY_DETECTED) {
            @Override
            CallbackRequest craft(SingleLogoutTest t) {
                CallbackRequest callback = t.idpLogoutRequest(t.fixture.idpKey, SpFixture.SLO);
                t.fixture.provider.handleLogoutRequest(callback);
                return callback;
            }
        },
        OLDER_THAN_MAX_AGE_AND_SKEW(ErrorCode.TOKEN_EXPIRED) {
            @Override
            CallbackRequest craft(SingleLogoutTest t) {
                CallbackRequest callback = t.idpLogoutRequest(t.fixture.idpKey, SpFixture.SLO);
                t.fixture.clock.advance(Duration.ofMinutes(6));
                return callback;
            }
        },
        DEFLATE_BOMB(ErrorCode.MALFORMED_CALLBACK) {
            @Override
            CallbackRequest craft(SingleLogoutTest t) {
                // 10 MB of zeros deflate to about 10 kB: under the input limit, far over the output limit.
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(9, true))) {
                    deflate.write(new byte[10 * 1024 * 1024]);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                String value = Base64.getEncoder().encodeToString(out.toByteArray());
                return CallbackRequest.get(Map.of("SAMLRequest", value, "SigAlg", "x", "Signature", "x"));
            }
        },
        NOT_DEFLATED(ErrorCode.MALFORMED_CALLBACK) {
            @Override
            CallbackRequest craft(SingleLogoutTest t) {
                return CallbackRequest.get(Map.of("SAMLRequest", Base64.getEncoder().encodeToString(
                        "<not-deflated/>".getBytes(StandardCharsets.UTF_8)), "SigAlg", "x", "Signature", "x"));
            }
        };

        final ErrorCode expected;

        RedirectAttack(ErrorCode expected) {
            this.expected = expected;
        }

        abstract CallbackRequest craft(SingleLogoutTest test);
    }

    CallbackRequest idpLogoutRequest(TestCredentials key, String destination) {
        var request = MessageFactory.logoutRequest("_idp-lo", fixture.clock.instant(), destination, TestIdp.ENTITY_ID,
                "_transient-1234", Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("s-1"));
        URI uri = RedirectCodec.encode(URI.create(destination), "SAMLRequest",
                OpenSaml.serialize(OpenSaml.get().marshall(request)), Optional.of("relay"), key.keyPair().getPrivate());
        return CallbackRequest.get(query(uri));
    }

    /** Starts an SP-initiated logout with a state; returns the LogoutRequest ID sent. */
    String sentLogoutRequestId(String state) {
        AuthenticatedUser user = login();
        HttpRedirect redirect = fixture.provider.startLogout(new LogoutRequest(user.session(), Optional.empty(),
                Optional.of(state)));
        Map<String, String> query = query(redirect.location());
        byte[] xml = RedirectCodec.inflate(query.get("SAMLRequest"));
        var request = (org.opensaml.saml.saml2.core.LogoutRequest) OpenSaml.get().unmarshall(
                OpenSaml.get().parse(xml).getDocumentElement());
        assertThat(query.get("RelayState")).isEqualTo(state);
        return request.getID();
    }

    CallbackRequest idpLogoutResponse(String inResponseTo, String relayState) {
        var response = MessageFactory.logoutResponse("_lr1", fixture.clock.instant(), SpFixture.SLO, TestIdp.ENTITY_ID,
                inResponseTo);
        URI uri = RedirectCodec.encode(URI.create(SpFixture.SLO), "SAMLResponse",
                OpenSaml.serialize(OpenSaml.get().marshall(response)), Optional.of(relayState),
                fixture.idpKey.keyPair().getPrivate());
        return CallbackRequest.get(query(uri));
    }

    SpFixture fixture() {
        return fixture;
    }

    private AuthenticatedUser login() {
        PendingLogin pending = fixture.start().pendingLogin();
        return fixture.finish(fixture.respond(fixture.genuine(pending)), pending);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
