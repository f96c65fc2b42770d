package be.fedauth.testkit.internal;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The line of every member and array element of a JSON text, by JSON pointer ({@code /people/2/fedid}),
 * so that errors found after binding can name the line. Syntax errors surface as the parser's
 * {@code JsonParsingException}, which carries its own location.
 */
final class JsonLines {
    private final Map<String, Long> lines = new HashMap<>();

    private JsonLines() {
    }

    static JsonLines of(String json) {
        JsonLines result = new JsonLines();
        Deque<Object> path = new ArrayDeque<>(); // String member name or int[] array index
        Deque<String> pointers = new ArrayDeque<>();
        pointers.push("");
        try (JsonParser parser = Json.createParser(new StringReader(json))) {
            String pendingKey = null;
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                long line = parser.getLocation().getLineNumber();
                if (event == JsonParser.Event.KEY_NAME) {
                    pendingKey = parser.getString();
                    result.lines.put(pointers.peek() + "/" + escape(pendingKey), line);
                    continue;
                }
                if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
                    pointers.pop();
                    path.pop();
                    continue;
                }
                String pointer = valuePointer(path, pointers.peek(), pendingKey);
                pendingKey = null;
                result.lines.putIfAbsent(pointer, line);
                if (event == JsonParser.Event.START_OBJECT) {
                    pointers.push(pointer);
                    path.push("object");
                } else if (event == JsonParser.Event.START_ARRAY) {
                    pointers.push(pointer);
                    path.push(new int[] {0});
                }
            }
        }
        return result;
    }

    private static String valuePointer(Deque<Object> path, String parent, String key) {
        if (path.isEmpty()) {
            return "";
        }
        if (path.peek() instanceof int[] index) {
            return parent + "/" + index[0]++;
        }
        return parent + "/" + escape(key);
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** The line of this pointer, if the text has it. */
    Optional<Long> line(String pointer) {
        return Optional.ofNullable(lines.get(pointer));
    }
}
