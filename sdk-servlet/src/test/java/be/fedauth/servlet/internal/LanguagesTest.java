package be.fedauth.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.Language;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesTest {

    @ParameterizedTest(name = "lang={0} Accept-Language={1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null | nl-BE,nl;q=0.9,en;q=0.8 | NL",
            "null | en;q=0.5, de;q=0.9 | DE",
            "null | es-ES, fr;q=0.3 | FR",
            "null | es-ES, it | EN",
            "null | * | EN",
            "null | fr;q=0 , nl;q=0.1 | NL",
            "null | not a header;;; | EN",
            "de | nl | DE",
            "xx | nl | NL",
            "german | nl | NL",
            "null | null | EN"
    })
    void choose_followsParameterThenHeaderThenFallback(String parameter, String header, Language expected) {
        assertThat(Languages.choose(parameter, header, Optional.empty(), Language.EN)).isEqualTo(expected);
    }
}
