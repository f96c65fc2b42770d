package be.fedauth.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium through chromedriver (Debian's packages, {@code scripts/setup.d/20-chromium.sh}),
 * with a profile of its own. Fails (does not skip) when either is missing. Records its network
 * requests (Chromium's performance log), so a test can tell which URLs the browser went through.
 */
final class Chromium implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    private final Path profile;

    private Chromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Chromium start() throws IOException {
        assertThat(BINARY).as("chromium is installed (scripts/setup.d/20-chromium.sh)").isExecutable();
        assertThat(DRIVER).as("chromedriver is installed (scripts/setup.d/20-chromium.sh)").isExecutable();
        Path profile = Files.createTempDirectory("fedauth-demo-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=en-US", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        return new Chromium(new ChromeDriver(service, options), profile);
    }

    /** A wait of up to 20 s on this browser. */
    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Opens {@code url} and returns the text of its page (a JSON answer such as {@code /api/me} as is). */
    String text(URI url) {
        driver.get(url.toString());
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * The URLs this browser requested since the last call (documents, redirects included), from
     * Chromium's performance log.
     */
    List<String> requestedUrls() {
        return driver.manage().logs().get(LogType.PERFORMANCE).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("\"method\":\"Network.requestWillBeSent\""))
                .map(Chromium::requestUrl).toList();
    }

    private static String requestUrl(String message) {
        int start = message.indexOf("\"url\":\"", message.indexOf("\"request\":{")) + "\"url\":\"".length();
        return message.substring(start, message.indexOf('"', start));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
