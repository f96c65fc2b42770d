package be.fedauth.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.PendingLogin;
import be.fedauth.saml.support.ResponseSpec;
import be.fedauth.saml.support.SpFixture;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Values of a message not yet verified reach exception messages, which the servlet logs: a CR LF in
 * them must not forge a log line (the review's finding 11).
 */
class LogInjectionTest {
    private static final String FORGED = "https://evil.example/\r\n2026-03-02 INFO login_succeeded user=admin";

    /** Where an attacker puts a line break. */
    enum Field {
        DESTINATION(ErrorCode.DESTINATION_MISMATCH, s -> s.destination = FORGED),
        RESPONSE_ISSUER(ErrorCode.ISSUER_MISMATCH, s -> s.issuer = FORGED),
        RECIPIENT(ErrorCode.RECIPIENT_MISMATCH, s -> s.recipient = FORGED),
        STATUS_CODE(ErrorCode.IDP_ERROR, s -> s.statusCode = FORGED),
        SUB_STATUS_CODE(ErrorCode.IDP_ERROR, s -> {
            s.statusCode = "urn:oasis:names:tc:SAML:2.0:status:Responder";
            s.subStatusCode = FORGED;
        });

        final ErrorCode expected;
        final Consumer<ResponseSpec> change;

        Field(ErrorCode expected, Consumer<ResponseSpec> change) {
            this.expected = expected;
            this.change = change;
        }
    }

    @ParameterizedTest
    @EnumSource(Field.class)
    void finishLogin_lineBreakInAnUntrustedValue_failsWithItsCodeAndAMessageOnOneLine(Field field) {
        SpFixture fixture = new SpFixture();
        PendingLogin pending = fixture.start().pendingLogin();
        ResponseSpec spec = fixture.genuine(pending);
        field.change.accept(spec);
        String response = fixture.respond(spec);

        assertThatThrownBy(() -> fixture.finish(response, pending))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.code()).isEqualTo(field.expected);
                    // The value reached the message (so the test can fail), cleaned.
                    assertThat(e.getMessage()).contains("login_succeeded").doesNotContain("\r").doesNotContain("\n");
                });
    }
}
