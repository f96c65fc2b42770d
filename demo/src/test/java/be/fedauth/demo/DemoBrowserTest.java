package be.fedauth.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo walked through in headless Chromium, clicking on the portal's and the fake FAS's pages:
 * OIDC and SAML logins with each key, NCTS in the grace period through the social-security login, a
 * foreigner offered the token only, a user with a proposed role told to accept it. Fails (does not skip)
 * when Chromium or its driver is missing: {@code scripts/setup.d/20-chromium.sh} installs them.
 */
class DemoBrowserTest {
    private static DemoPortal today;
    private static DemoPortal inGrace;
    private static Chromium chromium;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.start();
        browser = chromium.driver;
        today = DemoPortal.start(DemoOptions.parse(new String[] {"--port", "0"}, Map.of()));
        inGrace = DemoPortal.start(DemoOptions.parse(new String[] {"--port", "0", "--clock", "2020-06-15"}, Map.of()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (today != null) {
            today.close();
        }
        if (inGrace != null) {
            inGrace.close();
        }
    }

    @BeforeEach
    void forgetCookies() {
        browser.manage().deleteAllCookies();
    }

    /** From the portal's home page: the login link of this e-service, protocol and key, then the persona at the fake. */
    private static void logIn(DemoPortal demo, String service, String protocol, String key, String person) {
        browser.get(demo.url().resolve("/").toString());
        browser.findElement(By.cssSelector("a[href='/login?service=" + service + "&protocol=" + protocol + "&key="
                + key + "']")).click();
        browser.findElement(By.id("choice-" + person + "-" + key)).click();
        awaitPortal(demo);
    }

    /**
     * Waits until the browser is back on a portal page: a SAML response reaches the portal through a form
     * that the fake's page submits by script once loaded, after the click has returned.
     */
    private static void awaitPortal(DemoPortal demo) {
        String portal = demo.url().resolve("/").toString();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            String url = d.getCurrentUrl();
            return url.startsWith(portal) && !url.startsWith(portal + "callback/");
        });
    }

    /** Every key the fake's Belgian personas own, with a persona who owns it. */
    private static final Map<String, String> KEYS = Map.of("EID", "citizen", "ITSME", "citizen",
            "PASSWORD_MOBILE_APP", "ncts-employee");
    /** FAS names the eID and itsme in both protocols; the mobile app only by its level 400 (issue 13.2). */
    private static final java.util.Set<String> NAMED = java.util.Set.of("EID", "ITSME");

    @Test
    void oidc_eachKey_logsInWithThatKey() {
        KEYS.forEach((key, person) -> assertLoginWith("oidc", key, person, "fas-oidc"));
    }

    @Test
    void saml_eachKey_logsInWithThatKey() {
        KEYS.forEach((key, person) -> assertLoginWith("saml", key, person, "fas-saml"));
    }

    private static void assertLoginWith(String protocol, String key, String person, String provider) {
        browser.manage().deleteAllCookies();
        logIn(today, "PLDA", protocol, key, person);

        browser.get(today.url().resolve("/me").toString());
        assertThat(browser.findElement(By.tagName("body")).getText()).as(protocol + " " + key)
                .contains("Digital key " + (NAMED.contains(key) ? key : PortalServlet.UNNAMED_KEY), "Provider " + provider);
    }

    @Test
    void saml_nctsEmployee_entersNcts() {
        logIn(today, "NCTS", "saml", "PASSWORD_MOBILE_APP", "ncts-employee");

        assertThat(browser.getCurrentUrl()).isEqualTo(today.url().resolve("/ncts").toString());
        assertThat(browser.findElement(By.id("access")).getText())
                .isEqualTo("Bruno works in NCTS for Transport Dubois SA (0412.345.614) as ROLE.");
    }

    @Test
    void proposedRole_isToldToAcceptIt() {
        logIn(today, "NCTS", "oidc", "ITSME", "proposed-employee");

        WebElement message = browser.findElement(By.className("fedauth-message"));
        assertThat(browser.getTitle()).isEqualTo("Access denied");
        assertThat(message.getText()).contains("Accept the role in role management");
        assertThat(browser.findElement(By.className("fedauth-helpdesk")).getText()).contains("helpdesk.ncts@minfin.fed.be");
    }

    @Test
    void foreigner_isOfferedTheTokenOnly() {
        browser.get(inGrace.url().resolve("/").toString());
        browser.findElement(By.cssSelector("a[href='/login?service=PLDA&protocol=oidc']")).click();

        List<String> choices = browser.findElements(By.cssSelector("#persona-foreigner button")).stream()
                .map(b -> b.getAttribute("id")).toList();
        assertThat(choices).containsExactly("choice-foreigner-PASSWORD_TOKEN");
        browser.findElement(By.id("choice-foreigner-PASSWORD_TOKEN")).click();
        awaitPortal(inGrace);
        browser.get(inGrace.url().resolve("/me").toString());
        // FAS over OIDC reports the token's level 300 only, never the key (issue 13.2).
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("John Smith", "none (foreigner)",
                "Digital key " + PortalServlet.UNNAMED_KEY, "Level 300");
    }

    @Test
    void ncts_inTheGracePeriod_socialSecurityLoginShowsItsLastDay() {
        logIn(inGrace, "NCTS", "saml", "SOCIAL_SECURITY", "socsec-only");

        browser.get(inGrace.url().resolve("/me").toString());
        assertThat(browser.findElement(By.id("notice-legacy_login_ending")).getText()).contains("31/12/2020");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Provider social-security");
    }
}
