package be.fedauth.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GuidanceTest {

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCode_hasGuidanceInAllFourLanguagesThatDiffer(ErrorCode code) {
        Set<String> messages = new HashSet<>();
        for (Language language : Language.values()) {
            Guidance guidance = Guidance.of(code, language);
            assertThat(guidance.message()).isNotBlank();
            assertThat(guidance.helpdesk().phone()).isEqualTo("02 579 33 33");
            assertThat(guidance.fullText()).contains("02 579 33 33").contains(guidance.helpdesk().hours());
            messages.add(guidance.message());
        }
        assertThat(messages).hasSize(4);
    }

    @Test
    void codeIds_areUniqueSnakeCaseAndFindable() {
        Set<String> ids = new HashSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(code.id()).matches("[a-z]+(_[a-z]+)*");
            assertThat(ids.add(code.id())).isTrue();
            assertThat(ErrorCode.fromId(code.id())).contains(code);
        }
        assertThat(ErrorCode.fromId("no_such_code")).isEmpty();
    }

    @Test
    void guidance_forAnEService_namesItsHelpdeskMailbox() {
        assertThat(Guidance.of(ErrorCode.IDP_UNAVAILABLE, Language.FR, EService.PLDA).fullText())
                .contains("plda.helpdesk@minfin.fed.be").contains("du lundi au vendredi de 8h à 18h");
        assertThat(Guidance.of(ErrorCode.IDP_UNAVAILABLE, Language.EN, EService.EMCS).helpdesk().mailbox())
                .contains("emcs.helpdesk@minfin.fed.be");
    }

    @Test
    void point3_guidanceForForeigners_beforeTheTokensRetirement_explainsTheTokenProcedure() {
        Guidance guidance = Guidance.at(ErrorCode.FOREIGNER_TOKEN_ONLY, Language.EN, java.time.Instant.parse("2023-06-01T10:00:00Z"));

        assertThat(guidance.message()).contains("iam.da@minfin.fed.be").contains("Brussels");
        assertThat(guidance.helpdesk().helpPage().orElseThrow().toString()).isEqualTo("mailto:iam.da@minfin.fed.be");
    }

    @Test
    void point3_guidanceForForeigners_today_pointsToEidasForRegAndVideoIdentification() {
        for (Language language : Language.values()) {
            Guidance guidance = Guidance.of(ErrorCode.FOREIGNER_TOKEN_ONLY, language);

            assertThat(guidance.message()).contains("eIDAS", "ForReg", "mybelgianid.be").doesNotContain("iam.da@");
            assertThat(guidance.helpdesk().helpPage().orElseThrow().toString()).isEqualTo("https://finance.belgium.be/en/E-services/forreg");
        }
    }

    @Test
    void guidance_forMandates_pointsToTheMandateHelp() {
        assertThat(Guidance.of(ErrorCode.MANDATE_NOT_SIGNED, Language.NL).helpdesk().helpPage().orElseThrow().toString())
                .contains("loginhulp.be");
    }

    @Test
    void exception_carriesItsCodeInItsMessageAndGuidance() {
        FedAuthException e = new AuthenticationException(ErrorCode.NONCE_MISMATCH, "nonce differs");

        assertThat(e.code()).isEqualTo(ErrorCode.NONCE_MISMATCH);
        assertThat(e.getMessage()).startsWith("nonce_mismatch: ");
        assertThat(e.guidance(Language.DE).language()).isEqualTo(Language.DE);
    }

    @Test
    void builtInEServices_haveTheirHelpdeskMailboxes() {
        assertThat(EService.builtIn("ncts")).contains(EService.NCTS);
        assertThat(EService.NCTS.helpdeskMailbox()).isEqualTo("helpdesk.ncts@minfin.fed.be");
        assertThat(EService.EMCS.helpdeskMailbox()).isEqualTo("emcs.helpdesk@minfin.fed.be");
        assertThat(EService.PLDA.helpdeskMailbox()).isEqualTo("plda.helpdesk@minfin.fed.be");
        assertThat(EService.builtIn("XYZ")).isEmpty();
    }
}
