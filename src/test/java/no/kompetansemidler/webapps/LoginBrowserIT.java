package no.kompetansemidler.webapps;

import no.kompetansemidler.testkit.Browser;
import no.kompetansemidler.testkit.CycleScenario;
import no.kompetansemidler.testkit.IdentityProvider;
import no.kompetansemidler.testkit.Organisations;
import no.kompetansemidler.testkit.Years;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logging in to Tasklist through the identity providers in headless Chromium, as the people do: a caseworker
 * through the staff's provider, a municipality through ID-porten acting for Bergen kommune, a person whose login
 * lacks the security level; and logging out, here and at the provider. Screenshots in target/skjermbilder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = IdentityProvider.Initializer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    org.springframework.context.ApplicationContext context;
    Browser browser;
    String base;

    @RegisterExtension
    final TestWatcher keepPageOnFailure = Browser.keptOnFailure(() -> browser);

    @BeforeAll
    void openBrowser() {
        base = "http://127.0.0.1:" + port;
        IdentityProvider.allow(base);
        new CycleScenario(context).upTo(Years.next(), "Task_SubmitNeedReport");
        browser = new Browser(base);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    /** From Tasklist's login page, through the provider's button and its login form, back to Tasklist. */
    void logInThrough(String button, String username) {
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(base + "/camunda/app/tasklist/default/#/login");
        browser.waitForText(button);
        browser.driver().findElement(By.linkText(button)).click();
        browser.waitForText("Please sign in");
        browser.driver().findElement(By.id("username")).sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys(IdentityProvider.PASSWORD);
        browser.driver().findElement(By.cssSelector("button[type='submit']")).click();
    }

    @Test
    @Order(1)
    void tasklists_login_page_offers_the_providers_beside_the_password_form() {
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(base + "/camunda/app/tasklist/default/#/login");
        browser.waitForText("Logg inn: Ansatte hos Statsforvalteren");
        assertThat(browser.pageText()).contains("Logg inn: Kommuner, fylkeskommuner, private eiere og UH (ID-porten)");
        assertThat(browser.driver().findElements(By.cssSelector("input[ng-model='username']"))).isNotEmpty();
        browser.screenshot("innlogging-tasklist-med-leverandorer");
    }

    @Test
    @Order(2)
    void a_caseworker_logs_in_through_the_staffs_provider() {
        IdentityProvider.person("kari.nordmann@sfvl.no", IdentityProvider.staff("kari.nordmann@sfvl.no", "Kari Nordmann",
                IdentityProvider.ENTRA_VESTLAND));
        logInThrough("Logg inn: Ansatte hos Statsforvalteren", "kari.nordmann@sfvl.no");
        browser.waitForText("Mine oppgaver");
        browser.waitForText("Kari Nordmann");
        assertThat(browser.pageText()).contains("DEKOM: min gruppes oppgaver");
        browser.screenshot("saksbehandler-innlogget-via-entra");
    }

    @Test
    @Order(3)
    void logging_out_ends_the_login_here_and_at_the_provider() {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelector('[ng-click=\"logout()\"]').click()");
        browser.waitForText("Du er logget ut");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(base + "/innlogging/logget-ut");
        browser.screenshot("logget-ut");
        // Tasklist is a login page again, and the provider asks for the password again
        browser.driver().get(base + "/camunda/app/tasklist/default/");
        browser.waitForText("Logg inn: Ansatte hos Statsforvalteren");
        browser.driver().findElement(By.linkText("Logg inn: Ansatte hos Statsforvalteren")).click();
        browser.waitForText("Please sign in");
    }

    @Test
    @Order(4)
    void a_municipality_logs_in_through_id_porten_and_finds_its_need_report() {
        IdentityProvider.person("ola.bergen", IdentityProvider.citizen("Ola Nordmann", "idporten-loa-substantial",
                Organisations.BERGEN));
        logInThrough("Logg inn: Kommuner, fylkeskommuner, private eiere og UH (ID-porten)", "ola.bergen");
        browser.waitForText("Min gruppes oppgaver");
        browser.clickFilter("Min gruppes oppgaver");
        browser.waitForText("Send behovsmelding");
        assertThat(browser.pageText()).contains("Ola Nordmann").doesNotContain(IdentityProvider.PID);
        browser.screenshot("kommune-innlogget-via-idporten");
    }

    @Test
    @Order(5)
    void a_login_at_too_low_a_level_gets_no_role_and_says_why() {
        IdentityProvider.person("per.lav", IdentityProvider.citizen("Per Lav", "idporten-loa-low", Organisations.BERGEN));
        logInThrough("Logg inn: Kommuner, fylkeskommuner, private eiere og UH (ID-porten)", "per.lav");
        browser.waitForText("Innloggingen ga ingen tilgang");
        assertThat(browser.pageText()).contains("krever «idporten-loa-substantial» eller høyere")
                .contains("Du er ikke logget inn");
        browser.screenshot("innlogging-avvist-for-lavt-niva");
    }
}
