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

    @Test
    void local_null_isRefused() {
        assertThat(LocalPaths.local(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login?x=1", "/callback/", "/a/../b", "/a/./b", "/a/..", "login", "//x"})
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
