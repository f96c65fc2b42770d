package be.fedauth.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 13 point 4 in headless Chromium: logging out at the identity provider ends the portal session
 * (a shared office PC), and logging out at the portal ends the session at the identity provider.
 * The user logs in to the demo through SAML at the fake FAS, then uses the fake's own logout page.
 */
class DemoSingleLogoutBrowserTest {
    private static DemoPortal demo;
    private static Chromium chromium;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.start();
        browser = chromium.driver;
        demo = DemoPortal.start(DemoOptions.parse(new String[] {"--port", "0"}, Map.of()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    private static WebDriverWait waiting() {
        return chromium.waiting();
    }

    /** From the portal's home page through the fake's login page, back at the e-service (PLDA). */
    private static void logInThroughSaml() {
        browser.get(demo.url().resolve("/").toString());
        browser.findElement(By.cssSelector("a[href='/login?service=PLDA&protocol=saml&key=EID']")).click();
        browser.findElement(By.id("choice-citizen-EID")).click();
        // The response reaches the portal through a form the fake's page submits once loaded.
        waiting().until(ExpectedConditions.urlToBe(demo.url().resolve("/plda").toString()));
    }

    /** The portal's {@code /api/me} as this browser sees it. */
    private static String apiMe() {
        return chromium.text(demo.url().resolve("/api/me"));
    }

    @Test
    void point4_logoutAtTheFakeFas_endsThePortalSessionAndTheFakeVerifiesThePortalsAnswer() {
        logInThroughSaml();
        assertThat(apiMe()).contains("\"provider\":\"fas-saml\"");

        browser.get(demo.fake().orElseThrow().baseUri() + "/fas/saml/logout-everywhere");
        browser.findElement(By.linkText("Log out of " + demo.url().resolve("/saml/sp"))).click();

        // The fake's LogoutRequest went through the portal's /saml/slo; the fake shows this only after it
        // verified the portal's signed LogoutResponse.
        assertThat(waiting().until(d -> d.findElement(By.id("logged-out"))).getText())
                .startsWith("You are logged out of FAS");
        assertThat(apiMe()).isEqualTo("{\"error\":\"not_authenticated\"}");
    }

    @Test
    void point4_logoutAtThePortal_endsTheSessionAtTheFakeAndLandsOnTheLoggedOutPage() {
        logInThroughSaml();

        browser.get(demo.url().resolve("/").toString());
        browser.findElement(By.id("logout")).click();

        waiting().until(ExpectedConditions.urlToBe(demo.url().resolve("/logged-out").toString()));
        assertThat(browser.findElement(By.id("logged-out")).getText()).isEqualTo("You are logged out of the portal.");
        assertThat(apiMe()).isEqualTo("{\"error\":\"not_authenticated\"}");
    }
}
