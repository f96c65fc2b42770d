package be.fedauth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/", "/\\evil.example", "relative", "/a b", "/a\\b", ""})
    void returnTo_thatIsNotALocalPath_isRefused(String path) {
        assertThatThrownBy(() -> LoginRequest.builder().returnTo(path)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void returnTo_localPath_isKept() {
        assertThat(LoginRequest.builder().returnTo("/ncts/home?x=1").build().returnTo()).contains("/ncts/home?x=1");
    }

    @Test
    void effectiveMinimumLevel_isTheLowestRequestedKeyWhenNoLevelIsSet() {
        LoginRequest request = LoginRequest.builder().key(DigitalKey.EID).key(DigitalKey.PASSWORD_MOBILE_APP).build();

        assertThat(request.effectiveMinimumLevel()).contains(AssuranceLevel.LEVEL_400);
        assertThat(LoginRequest.builder().build().effectiveMinimumLevel()).isEmpty();
        assertThat(request.toBuilder().minimumLevel(AssuranceLevel.LEVEL_500).build().effectiveMinimumLevel())
                .contains(AssuranceLevel.LEVEL_500);
    }

    @Test
    void callback_repeatedParameter_failsWithMalformedCallback() {
        CallbackRequest callback = new CallbackRequest("get", Map.of("state", List.of("a", "b")));

        assertThat(callback.method()).isEqualTo("GET");
        assertThatThrownBy(() -> callback.single("state"))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.MALFORMED_CALLBACK);
    }

    @Test
    void callback_missingRequiredParameter_failsWithMalformedCallback() {
        assertThatThrownBy(() -> CallbackRequest.get(Map.of()).required("code"))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.MALFORMED_CALLBACK);
    }

    @Test
    void callback_overlongParameter_failsWithMalformedCallback() {
        String huge = "x".repeat(CallbackRequest.MAX_PARAMETER_LENGTH + 1);

        assertThatThrownBy(() -> CallbackRequest.post(Map.of("SAMLResponse", huge)).single("SAMLResponse"))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.MALFORMED_CALLBACK);
    }

    @Test
    void callback_toString_showsNamesNotValues() {
        assertThat(CallbackRequest.get(Map.of("code", "secret-code")).toString()).contains("code").doesNotContain("secret-code");
    }

    @Test
    void autoSubmitHtml_escapesEveryValue() {
        HttpRedirect post = HttpRedirect.post(URI.create("https://sp.example/acs?a=1&b=2"),
                Map.of("SAMLResponse", "\"><script>alert(1)</script>", "RelayState", "x'y"));

        String html = post.autoSubmitHtml();
        assertThat(html).doesNotContain("<script>").contains("&quot;&gt;&lt;script&gt;").contains("x&#39;y")
                .contains("action=\"https://sp.example/acs?a=1&amp;b=2\"");
        assertThat(post.toString()).doesNotContain("script");
    }

    @Test
    void authenticatedUser_withNotice_keepsEverythingElse() {
        Identity identity = new Identity(Optional.of(NationalRegisterNumber.parse("85073003328")), Optional.of("a".repeat(40)),
                "An", "Peeters", Language.NL, Optional.of("an@example.be"));
        AuthenticatedUser user = new AuthenticatedUser(identity, DigitalKey.EID, AssuranceLevel.LEVEL_500, ProviderId.of("fas"),
                Instant.EPOCH, List.of(), List.of(), List.of(), SessionReference.none(ProviderId.of("fas")));

        AuthenticatedUser noticed = user.withNotice(Notice.legacyLoginEnding(java.time.LocalDate.of(2020, 2, 29)));
        assertThat(noticed.notices()).hasSize(1);
        assertThat(noticed.identity()).isEqualTo(identity);
        assertThat(identity.toString()).doesNotContain("85073003328").doesNotContain("an@example.be").doesNotContain("Peeters");
    }
}
