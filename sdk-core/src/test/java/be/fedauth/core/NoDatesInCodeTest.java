package be.fedauth.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 point 1: dated facts live in the timeline file, never in Java main code. The project's
 * before-stop hook greps the same patterns.
 */
class NoDatesInCodeTest {
    private static final Pattern DATE_IN_CODE = Pattern.compile("LocalDate\\.of\\(20\\d\\d|\"20\\d\\d-\\d\\d-\\d\\d");

    @Test
    void point1_noDateLiteralInMainCodeOfAnySdkModuleOrTheDemo() throws IOException {
        Path root = Path.of("..");
        List<String> found = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> m.getFileName().toString().startsWith("sdk-")
                    || m.getFileName().toString().equals("demo")).toList()) {
                Path main = module.resolve("src/main");
                if (!Files.isDirectory(main)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(f -> scan(root, f, found));
                }
            }
        }
        assertThat(found).as("dates belong in sdk-core's timeline.txt").isEmpty();
    }

    private static void scan(Path root, Path file, List<String> found) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (DATE_IN_CODE.matcher(lines.get(i)).find()) {
                    found.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
