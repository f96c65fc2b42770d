package be.fedauth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NationalRegisterNumberTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
            "85073003328, 85.07.30-033.28, false, false",
            "85.07.30-033.28, 85.07.30-033.28, false, false",
            "85 07 30 033 28, 85.07.30-033.28, false, false",
            "93010100186, 93.01.01-001.86, false, false",
            "00010100204, 00.01.01-002.04, false, true",
            "17073003384, 17.07.30-033.84, false, true",
            "45123199970, 45.12.31-999.70, false, false",
            "80221500125, 80.22.15-001.25, true, false",
            "85411500268, 85.41.15-002.68, true, false",
            "85000000138, 85.00.00-001.38, false, false",
            "10421101294, 10.42.11-012.94, true, true"
    })
    void parse_validNumber_isAcceptedAndFormatted(String input, String formatted, boolean bis, boolean from2000) {
        NationalRegisterNumber number = NationalRegisterNumber.parse(input);

        assertThat(number.formatted()).isEqualTo(formatted);
        assertThat(number.isBis()).isEqualTo(bis);
        assertThat(number.bornFrom2000()).isEqualTo(from2000);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "85073003327",      // check number off by one
            "85073003329",
            "8507300332",       // ten digits
            "850730033280",     // twelve digits
            "8507300332a",
            "",
            "85133003300",      // month 13
            "85073203300",      // day 32
            "85613003300",      // bis month out of range
            "00010100287",      // 2000 birth checked with the old rule: 97 - (000101002 mod 97)
            "17073003328",      // another number's check digits
            "85/07/30-033.28",
            "123456789012345678901234567890123"
    })
    void parse_invalidNumber_failsWithInvalidNationalNumber(String input) {
        assertThatThrownBy(() -> NationalRegisterNumber.parse(input))
                .isInstanceOf(FedAuthException.class)
                .satisfies(e -> assertThat(((FedAuthException) e).code()).isEqualTo(ErrorCode.INVALID_NATIONAL_NUMBER))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(input.isEmpty() ? "\u0000" : input));
    }

    @Test
    void toString_masksAllButTheCheckNumber() {
        NationalRegisterNumber number = NationalRegisterNumber.parse("85073003328");

        assertThat(number.toString()).doesNotContain("850730").doesNotContain("033").endsWith(".28]");
    }

    @Test
    void birthDate_ofNumberFrom2000_isInTheTwentyFirstCentury() {
        assertThat(NationalRegisterNumber.parse("17073003384").birthDate()).contains(LocalDate.of(2017, 7, 30));
        assertThat(NationalRegisterNumber.parse("85073003328").birthDate()).contains(LocalDate.of(1985, 7, 30));
    }

    @Test
    void birthDate_ofBisNumberWithUnknownDate_isEmpty() {
        assertThat(NationalRegisterNumber.parse("85000000138").birthDate()).isEmpty();
        assertThat(NationalRegisterNumber.parse("80221500125").birthDate()).contains(LocalDate.of(1980, 2, 15));
    }

    @Test
    void equality_followsTheDigitsNotTheWrittenForm() {
        assertThat(NationalRegisterNumber.parse("85.07.30-033.28")).isEqualTo(NationalRegisterNumber.parse("85073003328"));
        assertThat(NationalRegisterNumber.isValid("85073003328")).isTrue();
        assertThat(NationalRegisterNumber.isValid("85073003327")).isFalse();
    }
}
