package be.fedauth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReleasedClaimsTest {

    @Test
    void role_roundTripsThroughItsTextForm() {
        RoleGrant role = new RoleGrant("NCTS", EnterpriseNumber.parse("0403170701"), "NCTS", RoleState.ACCEPTED,
                Instant.parse("2024-01-01T00:00:00Z"), Optional.of(Instant.parse("2027-01-01T00:00:00Z")));

        String text = ReleasedClaims.formatRole(role);
        assertThat(text).isEqualTo("NCTS|0403170701|NCTS|2024-01-01T00:00:00Z|2027-01-01T00:00:00Z");
        assertThat(ReleasedClaims.parseRole(text)).isEqualTo(role);
    }

    @Test
    void mandate_roundTripsThroughItsTextForm() {
        Mandate mandate = new Mandate(EnterpriseNumber.parse("0403170701"), NationalRegisterNumber.parse("85073003328"),
                "customs", Set.of("PLDA", "EMCS"), Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z"), true, true);

        assertThat(ReleasedClaims.parseMandate(ReleasedClaims.formatMandate(mandate))).isEqualTo(mandate);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NCTS|0403170701|NCTS|2024-01-01T00:00:00Z", "NCTS|0403170702|NCTS|2024-01-01T00:00:00Z|",
            "NCTS|0403170701|NCTS|yesterday|", "NCTS|0403170701|NCTS|2024-01-01T00:00:00Z|2023-01-01T00:00:00Z",
            "NCTS|0403170701|NCTS|2024-01-01T00:00:00Z||extra"})
    void parseRole_ofMalformedText_failsWithMalformedResponse(String text) {
        assertThatThrownBy(() -> ReleasedClaims.parseRole(text))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.MALFORMED_RESPONSE);
    }

    @Test
    void parseMandate_withInvalidHolder_failsWithMalformedResponseWithoutTheNumber() {
        assertThatThrownBy(() -> ReleasedClaims.parseMandate(
                "0403170701|85073003327|customs|PLDA|2024-01-01T00:00:00Z|2027-01-01T00:00:00Z"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("85073003327"))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.MALFORMED_RESPONSE);
    }
}
