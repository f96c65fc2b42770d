package be.fedauth.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login page in a real browser: Debian's headless Chromium driven by Selenium clicks through a persona
 * choice to the completed redirect. Fails (does not skip) when Chromium or its driver is missing:
 * {@code scripts/setup.d/20-chromium.sh} installs them.
 */
class LoginPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @RegisterExtension
    static final FakeFasExtension FAS = FakeFasExtension.configured(b -> b.extraEndpoints(new TestProtocol()));

    private static Path profile;
    private static WebDriver browser;

    @BeforeAll
    static void startChromium() throws Exception {
        assertThat(CHROMIUM).as("chromium is installed (scripts/setup.d/20-chromium.sh)").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver is installed (scripts/setup.d/20-chromium.sh)").isExecutable();
        profile = Files.createTempDirectory("fedauth-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopChromium() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void startLogin(FakeFas fas, String language) {
        browser.get(fas.baseUri() + "/test/authorize?state=s42&lang=" + language + "&redirect_uri="
                + fas.baseUri() + "/test/callback");
    }

    /** A click submits the form; the navigation that follows completes after click() returns. */
    private static void awaitCallbackPage(FakeFas fas) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.and(
                ExpectedConditions.urlContains(fas.baseUri() + "/test/callback?"),
                ExpectedConditions.presenceOfElementLocated(By.id("done"))));
    }

    @Test
    void clickingAPersonaKey_completesTheLoginBackToTheApplication(FakeFas fas) {
        startLogin(fas, "en");
        assertThat(browser.getTitle()).isEqualTo("Log in (test IdP)");

        browser.findElement(By.id("choice-citizen-EID")).click();
        awaitCallbackPage(fas);

        assertThat(browser.getCurrentUrl()).startsWith(fas.baseUri() + "/test/callback?");
        assertThat(browser.findElement(By.id("done")).getText()).contains("person=citizen;").contains("key=EID;")
                .contains("state=s42;");
    }

    @Test
    void aLanguageLink_switchesThePage_andTheLoginStillCompletes(FakeFas fas) {
        startLogin(fas, "fr");
        assertThat(browser.getTitle()).isEqualTo("Connexion (IdP de test)");

        browser.findElement(By.cssSelector("nav a[lang=nl]")).click();
        assertThat(browser.getTitle()).isEqualTo("Aanmelden (test-IdP)");
        browser.findElement(By.id("choice-foreigner-PASSWORD_TOKEN")).click();
        awaitCallbackPage(fas);

        // The token is retired at the fake's (current) time: the refusal goes back to the application.
        assertThat(browser.findElement(By.id("done")).getText()).contains("error=access_denied;")
                .contains("reason=KEY_RETIRED;");
    }
}
