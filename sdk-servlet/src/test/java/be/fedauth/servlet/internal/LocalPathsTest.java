package be.fedauth.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/ncts", "/emcs/list?page=2&sort=date", "/a/b#top", "/caf%C3%A9"})
    void local_pathOfThisApplication_isKept(String path) {
        assertThat(LocalPaths.local(path)).contains(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ncts", "//evil.example", "/\\evil.example", "\\\\evil", "https://evil.example",
            "/%2f%2fevil.example", "/%5Cevil", "/\t/evil", "/a b", "/\u00e9", "javascript:alert(1)", "/a\u007f"})
    void local_pathThatCouldLeaveTheApplication_isRefused(String path) {
        assertThat(LocalPaths.local(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../x", "/%2e%2e/x", "/%2E%2E/x", "/a/./b", "/a/%2e/b", "/a/..", "/a/.", "/a\\b",
            "/a/%5cb", "/a/%2fb", "/a//b", "/logout;x", "/a%3bb", "/a%zz", "/a%2", "/a%00b"})
    void point10_local_pathWithDotSegmentsOrSeparatorsTheContainerWouldResolve_isRefused(String path) {
        assertThat(LocalPaths.local(path)).isEmpty();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "/%6cogout | /logout", "/%6C%6F%67%6F%75%74?x=%2e | /logout?x=%2e", "/emcs/%7euser | /emcs/~user",
            "/caf%c3%a9 | /caf%C3%A9", "/a%20b | /a%20b", "/a/.hidden | /a/.hidden"})
    void point10_local_unreservedEscapesAreDecoded_soThatAnEndpointIsSeenAsOne(String path, String normalised) {
        assertThat(LocalPaths.local(path)).contains(normalised);
    }

    @Test
    void local_null_isRefused() {
        assertThat(LocalPaths.local(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login?x=1", "/callback/", "/a/../b", "/a/./b", "/a/..", "login", "//x", "/%6cogin"})
    void configured_pathThatIsNotAPlainLocalPath_isRefused(String path) {
        assertThatThrownBy(() -> LocalPaths.configured(path, "the path")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isUnder_matchesWholeSegmentsOnly() {
        assertThat(LocalPaths.isUnder("/emcs", "/emcs")).isTrue();
        assertThat(LocalPaths.isUnder("/emcs/x", "/emcs")).isTrue();
        assertThat(LocalPaths.isUnder("/emcsx", "/emcs")).isFalse();
        assertThat(LocalPaths.isUnder("/anything", "/")).isTrue();
    }
}
