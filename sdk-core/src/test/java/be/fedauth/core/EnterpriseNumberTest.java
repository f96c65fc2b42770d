package be.fedauth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnterpriseNumberTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
            "0403170701, 0403.170.701",
            "0403.170.701, 0403.170.701",
            "BE 0403.170.701, 0403.170.701",
            "be0403170701, 0403.170.701",
            "403170701, 0403.170.701",
            "0202746529, 0202.746.529",
            "0884219633, 0884.219.633",
            "1000000021, 1000.000.021"
    })
    void parse_validNumber_isAcceptedAndFormatted(String input, String formatted) {
        assertThat(EnterpriseNumber.parse(input).formatted()).isEqualTo(formatted);
        assertThat(EnterpriseNumber.parse(input).toString()).isEqualTo(formatted);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "0403170702", "0403170700", "2403170701", "040317070", "04031707011", "04031707O1", "", "NL0403170701",
            "0403-170-701"
    })
    void parse_invalidNumber_failsWithInvalidEnterpriseNumber(String input) {
        assertThatThrownBy(() -> EnterpriseNumber.parse(input))
                .isInstanceOf(FedAuthException.class)
                .satisfies(e -> assertThat(((FedAuthException) e).code()).isEqualTo(ErrorCode.INVALID_ENTERPRISE_NUMBER));
    }
}
