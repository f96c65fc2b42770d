package be.fedauth.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void write_escapesQuotesControlCharactersAndHtml() {
        assertThat(Json.write("a\"b\\c\n\u0001</script>&"))
                .isEqualTo("\"a\\\"b\\\\c\\n\\u0001\\u003c/script\\u003e\\u0026\"");
    }

    @Test
    void write_objectsArraysAndAbsentValues() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("n", 5);
        map.put("b", true);
        map.put("none", Optional.empty());
        map.put("list", Arrays.asList("x", null));
        map.put("nested", Map.of("k", List.of()));

        assertThat(Json.write(map)).isEqualTo("{\"n\":5,\"b\":true,\"none\":null,\"list\":[\"x\",null],\"nested\":{\"k\":[]}}");
    }
}
