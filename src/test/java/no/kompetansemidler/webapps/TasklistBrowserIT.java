package no.kompetansemidler.webapps;

import org.openqa.selenium.WebElement;
import org.openqa.selenium.By;
import no.kompetansemidler.testkit.Browser;
import no.kompetansemidler.testkit.CycleScenario;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The caseworkers' and owners' day in Tasklist, in headless Chromium against the running application (demo,
 * Vestland): a caseworker starts the DEKOM cycle from its start form, Bergen's owner sends the need report after a
 * bad value is refused, the caseworker finds the next tasks in the DEKOM filter and records the forum's innstilling,
 * corrects an R1 breach, and the year runs to the report. Every form in forms/ is opened. The browser is set to
 * English: Norwegian is the default anyway. Screenshots of every step are kept in target/skjermbilder.
 * <p>
 * Only what nobody does in Tasklist is done through the engine's API: timers that fall due (the job executor's
 * work), payments (asynchronous jobs), and the 42 other owners who miss the deadline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the same context as LoginBrowserIT: one engine in the JVM (the test kit's provider is simply not used here)
@org.springframework.test.context.ContextConfiguration(initializers = no.kompetansemidler.testkit.IdentityProvider.Initializer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TasklistBrowserIT {

    static final String CASEWORKER = "demo-saksbehandler";
    static final String BERGEN_USER = "demo-eier-bergen";
    static final String BERGEN = CycleScenario.BERGEN;
    static final String HVL = CycleScenario.HVL;
    static final String DEKOM_FILTER = "DEKOM: min gruppes oppgaver";

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    no.kompetansemidler.letters.DemoIntegrasjonspunkt integrasjonspunkt;
    @Autowired
    org.springframework.context.ApplicationContext context;
    CycleScenario scenario;

    Browser browser;
    final Set<String> formsOpened = new TreeSet<>();

    @RegisterExtension
    final TestWatcher keepPageOnFailure = Browser.keptOnFailure(() -> browser);

    @BeforeAll
    void openBrowser() {
        scenario = new CycleScenario(context);
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    @Order(1)
    void the_caseworker_sees_tasklist_in_norwegian_with_the_filters_of_the_role() {
        browser.login("tasklist", CASEWORKER);
        browser.waitForText("Mine oppgaver");
        String page = browser.pageText();
        assertThat(page).contains("Min gruppes oppgaver", "Forfalt", "Forfaller innen en uke", DEKOM_FILTER,
                "Start prosess", "Opprett oppgave", "Tastatursnarveier", "English");
        assertThat(page).doesNotContain("My tasks", "Start process", "Create task", "Keyboard Shortcuts");
        // the task list opens sorted by due date, earliest first
        assertThat(browser.driver().getCurrentUrl()).contains("dueDate");
        browser.screenshot("saksbehandler-innlogget");
    }

    @Test
    @Order(2)
    void the_caseworker_starts_the_dekom_cycle_from_its_start_form_after_a_bad_amount_is_refused() {
        browser.openStartForm("Årssyklus for en ordning");
        formsOpened.add("arssyklus-start");
        browser.select("Embete eller fylkeskommune", "Statsforvalteren i Vestland");
        browser.select("Ordning", "DEKOM");
        browser.type("År", "2027");
        browser.type("Ramme (kroner)", "ti millioner");
        browser.waitForFieldError("Ramme (kroner)", "Skriv et beløp i kroner, for eksempel 1 234 567,89.");
        assertThat(browser.buttonEnabled("Start")).isFalse();
        browser.screenshot("arssyklus-start-ugyldig-ramme");

        browser.type("Ramme (kroner)", "10 000 000");
        browser.screenshot("arssyklus-start-utfylt");
        browser.clickButton("Start");
        browser.waitForNotification("Prosessen er startet.");
        assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_SubmitNeedReport").count()).isEqualTo(44);
        browser.closeNotifications();
    }

    @Test
    @Order(3)
    void a_private_owner_with_an_invalid_organisation_number_is_refused_with_the_rule() {
        fillInRegistration("123 456 789", "Testskolen AS", "Privat skoleeier (deltar i DEKOM)",
                "Statsforvalteren i Vestland", "post@testskolen.example");
        browser.clickButton("Start");
        browser.waitForNotification("Prosessen kunne ikke startes.");
        assertThat(browser.notifications()).contains("MOD11");
        browser.screenshot("registrer-privat-eier-ugyldig-orgnr");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("registrer-privat-eier").count()).isZero();
        browser.clickButton("Lukk");
        browser.closeNotifications();
    }

    /** Fills in «Registrer privat eier, søker eller tilbyder» as the caseworker does. */
    private void fillInRegistration(String organisationNumber, String name, String type, String office, String email) {
        browser.openStartForm("Registrer privat eier");
        formsOpened.add("registrer-privat-eier");
        browser.type("Organisasjonsnummer", organisationNumber);
        browser.type("Navn", name);
        browser.choose("Type", type);
        browser.select("Embete eller fylkeskommune", office);
        browser.type("Kontaktadresse (e-post)", email);
    }

    @Test
    @Order(4)
    void bergen_sends_the_need_report_after_the_bad_values_are_refused() {
        browser.login("tasklist", BERGEN_USER);
        browser.clickFilter("Min gruppes oppgaver");
        browser.openTask("Send behovsmelding");
        formsOpened.add("behovsmelding");
        assertThat(browser.value("Eier")).isEqualTo("Bergen kommune");
        browser.screenshot("behovsmelding-apnet");
        browser.claim();
        browser.type("Medvirkning fra skoleledere og lærere", "For kort");
        browser.type("Kompetansebehov", "Lesing, vurdering for læring og inkluderende læringsmiljø.");
        browser.waitForFieldError("Medvirkning fra skoleledere og lærere", "Feltet må ha minst 20 tegn.");
        assertThat(browser.buttonEnabled("Fullfør")).isFalse();
        browser.screenshot("behovsmelding-for-kort");

        // two measures in the dynamic list; the second with too little co-financing (R1)
        browser.inRow(1);
        browser.type("Navn på tiltaket", "Lesing i alle fag");
        browser.select("UH-partner", "Høgskulen på Vestlandet");
        browser.tick("Mål (R12)", "Grunnleggende ferdigheter og god fagkompetanse");
        browser.tick("Målgrupper", "Skoleledere");
        browser.tick("Målgrupper", "Lærere");
        browser.type("Beløp år 1", "1000000");
        browser.type("Beløp år 2", "500000");
        browser.type("Antall deltakere", "120");
        browser.type("Planlagt egenfinansiering", "450000");
        browser.type("Herav lønn eller frikjøp", "100000");
        browser.addRow();
        browser.type("Navn på tiltaket", "Inkluderende praksis");
        browser.select("UH-partner", "Universitetet i Bergen");
        browser.tick("Mål (R12)", "Et inkluderende læringsmiljø");
        browser.tick("Målgrupper", "PPT");
        browser.type("Beløp år 1", "200000");
        browser.type("Antall deltakere", "30");
        browser.type("Planlagt egenfinansiering", "50000");
        browser.inRow(0);
        assertThat(browser.pageText()).contains("Legg til").doesNotContain("Add new");

        // markup gets past the browser's checks, and is refused by the server with the field and the rule
        browser.type("Medvirkning fra skoleledere og lærere", "<script>alert('hei')</script> Lærerne deltok i kartleggingen.");
        browser.clickButton("Fullfør");
        browser.waitForNotification("kan ikke inneholde HTML eller skript");
        assertThat(browser.notifications()).contains("TEGN");
        browser.screenshot("behovsmelding-skript-avvist");
        assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_SubmitNeedReport")
                .processVariableValueEquals("eier", BERGEN).count()).isEqualTo(1);
        browser.closeNotifications();

        // so is the second measure's co-financing (R1), named on its measure and field
        browser.type("Medvirkning fra skoleledere og lærere", "Skoleledere og lærere deltok i kartleggingen på hver skole.");
        browser.clickButton("Fullfør");
        browser.waitForNotification("Tiltak 2: planlagt egenfinansiering må være minst 30 % av beløpet dere søker"
                + " (200 000,00 kr), altså minst 60 000,00 kr.");
        assertThat(browser.notifications()).contains("tiltak[2].egenfinansiering");
        browser.screenshot("behovsmelding-r1-avvist");
        assertThat(jdbc.sql("""
                        select count(*) from km_measure m join km_cycle c on c.id = m.cycle_id
                        where c.budget_year = 2027 and c.scheme = 'DEKOM' and m.organisation_number = ?""")
                .param(BERGEN).query(Long.class).single()).as("nothing stored").isZero();
        browser.closeNotifications();
        browser.inRow(2).type("Planlagt egenfinansiering", "60000");
        browser.inRow(0);
        browser.screenshot("behovsmelding-tiltak");
        browser.completeTask();
        assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_SubmitNeedReport")
                .processVariableValueEquals("eier", BERGEN).count()).isZero();
        // both measures arrived, with their money per year
        assertThat(jdbc.sql("""
                        select m.title || ' ' || m.uh_partner || ' ' || y.budget_year || ' ' || y.amount_ore
                        from km_measure m join km_measure_year y on y.measure_id = m.id join km_cycle c on c.id = m.cycle_id
                        where c.budget_year = 2027 and c.scheme = 'DEKOM' and m.organisation_number = ?
                        order by m.position, y.budget_year""").param(BERGEN).query(String.class).list()).containsExactly(
                "Lesing i alle fag 917641404 2027 100000000", "Lesing i alle fag 917641404 2028 50000000",
                "Inkluderende praksis 874789542 2027 20000000");
        browser.closeNotifications();

        // the receipt, under «Mine kvitteringer» at the foot of Tasklist
        browser.driver().findElement(By.id("km-kvitteringer")).click();
        browser.waitForText("Åpne kvitteringen (PDF)");
        assertThat(browser.pageText()).contains("Bergen kommune (" + BERGEN + ")").contains("DEKOM 2027")
                .contains("Åpne kvitteringen (PDF)");
        browser.screenshot("mine-kvitteringer");
        browser.driver().findElement(By.id("tilbake")).click();
        browser.waitForText("Min gruppes oppgaver");
    }

    @Test
    @Order(5)
    void the_uh_partners_confirm_and_decline_their_parts() {
        browser.login("tasklist", "demo-uh");
        browser.clickFilter("Min gruppes oppgaver");
        browser.openTask("Bekreft partnerskap – Bergen kommune (DEKOM 2027)");
        formsOpened.add("bekreft-partnerskap");
        assertThat(browser.value("Tiltakene dere er partner i")).contains("Tiltak 1: Lesing i alle fag")
                .contains("2027: 1 000 000,00 kr, 2028: 500 000,00 kr").doesNotContain("Inkluderende praksis");
        browser.claim();
        browser.choose("Svar", "Vi bekrefter partnerskapet");
        browser.screenshot("bekreft-partnerskap");
        browser.completeTask();
        browser.closeNotifications();
        // the University of Bergen declines through the API (it has no user in the demo)
        Task uib = tasks.createTaskQuery().taskDefinitionKey("Task_ConfirmPartnership")
                .processVariableValueEquals("eier", BERGEN).singleResult();
        scenario.complete(uib, "demo-admin", Map.of("uhSvar", "AVSLA",
                "uhBegrunnelse", "Vi har ikke kapasitet til PPT-tiltaket i år."));
        assertThat(jdbc.sql("""
                        select m.uh_answer from km_measure m join km_cycle c on c.id = m.cycle_id
                        where c.budget_year = 2027 and c.scheme = 'DEKOM' and m.organisation_number = ?
                        order by m.position""").param(BERGEN).query(String.class).list())
                .containsExactly("BEKREFTET", "AVSLATT");
    }

    @Test
    @Order(6)
    void the_caseworker_records_one_owner_missing_the_deadline_in_the_scheme_filter() {
        // the deadline passes (the job executor's work); 42 of the 43 owners are handled through the API
        scenario.on("vestland-DEKOM-2027").executeJobsOf("BoundaryEvent_DeadlinePassed");
        List<Task> missed = tasks.createTaskQuery().taskDefinitionKey("Task_HandleMissedDeadline").list();
        assertThat(missed).hasSize(43);
        missed.subList(1, missed.size()).forEach(scenario::doesNotTakePart);

        browser.login("tasklist", CASEWORKER);
        browser.clickFilter(DEKOM_FILTER);
        browser.openTask("Frist passert: forleng eller registrer at eieren ikke deltar");
        formsOpened.add("frist-passert");
        browser.claim();
        browser.choose("Hva gjør vi?", "Eieren deltar ikke i år");
        browser.type("Begrunnelse", "Eieren svarte på e-post at de ikke deltar i år.");
        browser.screenshot("frist-passert-utfylt");
        browser.completeTask();
        browser.closeNotifications();
        // the job executor counts the ended need reports into the cycle (the forum's task follows)
        scenario.countNeedReports();
    }

    @Test
    @Order(7)
    void the_caseworker_finds_the_forum_tasks_in_the_scheme_filter_and_records_the_innstilling() {
        browser.clickFilter(DEKOM_FILTER);
        browser.openTask("Forbered samarbeidsforumet");
        formsOpened.add("forbered-forum");
        assertThat(browser.value("Behovsmeldinger")).contains("Bergen kommune");
        // who sits in the forum is the scheme's (ordninger/1-dekom.yml)
        assertThat(browser.value("Hvem som sitter i forumet")).startsWith("Samarbeidsforumet i Desentralisert ordning"
                + " for kompetanseutvikling i skolen: Kommunene som skoleeiere, Fylkeskommunen, Private skoleeiere");
        browser.claim();
        browser.type("Notat til forumet", "Én behovsmelding (Bergen). Møte 10. mars.");
        browser.screenshot("forbered-forum");
        browser.completeTask();
        browser.closeNotifications();

        browser.clickFilter(DEKOM_FILTER);
        browser.waitForText("Registrer forumets innstilling");
        assertThat(browser.taskNames()).anyMatch(name -> name.startsWith("Registrer forumets innstilling (DEKOM 2027)"));
        browser.screenshot("dekom-filteret-med-innstillingen");
        browser.openTask("Registrer forumets innstilling");
        formsOpened.add("innstilling");
        browser.claim();
        // no leader has sent it back, and the forum met for DEKOM alone: neither box is shown
        assertThat(browser.pageText()).doesNotContain("Lederen sendte fordelingen tilbake").doesNotContain("Felles møte");
        browser.screenshot("innstilling-apnet");
        // the rows are on the distribution page, opened from the form with the same login
        openDistribution();
        browser.waitForText("Forhåndsutfylt fra behovsmeldingene");
        browser.waitForText("Bergen kommune");
        // prefilled from the application: this year's money of the measure the UH confirmed, and what was applied for
        browser.waitForText("Søknaden: Tiltak 1 «Lesing i alle fag»");
        assertThat(browser.driver().findElement(By.id("soknad-0")).getText()).contains(
                "1 000 000,00 kr i 2027 (2 år, til sammen 1 500 000,00 kr), UH Høgskulen på Vestlandet bekreftet av UH")
                .contains("«Inkluderende praksis»: 200 000,00 kr i 2027, UH Universitetet i Bergen avslått av UH");
        assertThat(browser.driver().findElement(By.id("rad-0-belop")).getAttribute("value").replace('\u00A0', ' '))
                .isEqualTo("1 000 000,00");
        browser.screenshot("fordeling-forhandsutfylt");
        // a paste from a spreadsheet (tab-separated); a bad third row is marked on that row
        paste(lines("1 000 000").replace("; ", "\t") + "\n123\t12,3,4\t0\t0\t0\tKurs\tetterutdanning\t2027\t2027");
        browser.waitForText("Rad 3: beløp");
        assertThat(browser.driver().findElement(By.id("rad-2-belop")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver().findElement(By.id("feil-2")).getText()).contains("Rad 3: Organisasjonsnummeret");
        assertThat(browser.driver().findElements(By.cssSelector("tr.feil"))).hasSize(1);
        browser.screenshot("fordeling-feil-pa-raden");
        browser.driver().findElement(By.xpath("(//button[normalize-space(.)='Fjern'])[3]")).click();
        browser.clickButton("Kontroller");
        browser.waitForText("Kontrollert: radene kan lagres.");
        // getText() shows the page's no-break spaces as spaces
        assertThat(browser.driver().findElement(By.id("sum")).getText()).isEqualTo("10 000 000,00 kr");
        assertThat(browser.driver().findElement(By.id("igjen")).getText()).isEqualTo("0,00 kr");
        browser.clickButton("Lagre fordelingen");
        browser.waitForText("Versjon 1 er lagret.");
        browser.screenshot("fordeling-lagret");
        backToTask();
        assertThat(browser.value("Lagret fordeling")).startsWith("Versjon 1, lagret").contains("2 rader")
                .contains(" av Kari Saksbehandler (demo-saksbehandler)")
                .contains("10 000 000,00 kr av rammen 10 000 000,00 kr");
        // the meeting date the Norwegian way: typed dd.mm.åååå, and a calendar in Norwegian with weeks from Monday
        WebElement date = browser.driver().findElement(By.id(browser.driver().findElement(
                By.xpath("//label[normalize-space(.)='Møtedato']")).getAttribute("for")));
        assertThat(date.getAttribute("placeholder")).isEqualTo("dd.mm.yyyy");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", date);
        date.click();
        date.sendKeys("01.12.2026");
        WebElement calendar = browser.driver().findElement(By.cssSelector(".flatpickr-calendar.open"));
        assertThat(calendar.findElements(By.cssSelector(".flatpickr-weekday")).get(0).getText()).isEqualToIgnoringCase("man");
        assertThat(new org.openqa.selenium.support.ui.Select(calendar.findElement(
                By.cssSelector(".flatpickr-monthDropdown-months"))).getOptions()).extracting(WebElement::getText)
                .contains("januar", "mai", "oktober", "desember");
        browser.screenshot("motedato-norsk-kalender");
        date.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(date.getAttribute("value")).isEqualTo("01.12.2026");
        browser.check("Forumet ble enig om fordelingen", true);
        browser.type("Prioriteringer", "Lesing og inkluderende læringsmiljø");
        browser.type("Kommuner", "5");
        browser.type("Referat", "Forumet gikk gjennom behovsmeldingene og ble enig.");
        browser.type("Begrunnelse", "Forumets innstilling av 10. mars.");
        browser.screenshot("innstilling-utfylt");
        browser.completeTask();
        browser.closeNotifications();
        assertThat(jdbc.sql("select meeting_date from km_forum_meeting").query(java.time.LocalDate.class).list())
                .containsExactly(java.time.LocalDate.of(2026, 12, 1));
    }

    void openDistribution() {
        WebElement link = browser.driver().findElement(By.linkText("Åpne fordelingen"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
        link.click();
        browser.waitForText("Lagre fordelingen");
    }

    void paste(String spreadsheetRows) {
        browser.driver().findElement(By.xpath("//summary[normalize-space(.)='Lim inn rader fra et regneark']")).click();
        // as a paste from the clipboard: typed, a tab would move the focus out of the text area
        WebElement area = browser.driver().findElement(By.id("limInnTekst"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", area, spreadsheetRows);
        browser.clickButton("Erstatt radene med disse");
    }

    void backToTask() {
        browser.driver().findElement(By.id("tilbake")).click();
        browser.waitForText("Lagret fordeling");
    }

    @Test
    @Order(8)
    void the_caseworker_corrects_the_r1_breach_and_the_decisions_are_paid() {
        browser.clickFilter(DEKOM_FILTER);
        browser.openTask("Rett regelbrudd");
        formsOpened.add("rett-regelbrudd");
        assertThat(browser.value("Brutte regler")).contains("R1");
        assertThat(browser.value("Regelbrudd")).contains("Bergen kommune");
        browser.screenshot("rett-regelbrudd-apnet");
        browser.claim();
        openDistribution();
        browser.waitForText("Regelbrudd: R1");
        browser.screenshot("fordeling-regelbrudd-pa-raden");
        WebElement cash = browser.driver().findElement(By.id("rad-0-egenandel"));
        cash.clear();
        cash.sendKeys("2 100 000");
        browser.clickButton("Lagre fordelingen");
        browser.waitForText("Versjon 2 er lagret.");
        backToTask();
        browser.type("Begrunnelse", "Bergen bekreftet 2,1 mill. kr i egenfinansiering.");
        browser.completeTask();
        browser.closeNotifications();
        assertThat(jdbc.sql("select count(*) from km_decision d join km_cycle c on c.id = d.cycle_id where"
                + " c.budget_year = 2027 and c.scheme = 'DEKOM' and c.embete_code = 'VESTLAND'").query(Long.class)
                .single()).as("no decision before a leader approves").isZero();

        // a leader approves the decisions: they are made, the letters written and the payments start
        browser.login("tasklist", "demo-leder");
        browser.clickFilter("Min gruppes oppgaver");
        browser.openTask("Godkjenn vedtakene (DEKOM 2027)");
        formsOpened.add("godkjenn-vedtak");
        assertThat(browser.value("Forberedt av")).isEqualTo("Kari Saksbehandler (demo-saksbehandler)");
        assertThat(browser.value("Vedtakene")).isEqualTo("2 vedtak, til sammen 10 000 000,00 kr av rammen"
                + " 10 000 000,00 kr (samarbeidsforumets innstilling)");
        assertThat(browser.value("Mottakere og beløp")).contains("Bergen kommune (" + BERGEN + "): 7 000 000,00 kr");
        browser.claim();
        browser.choose("Din beslutning", "Send fordelingen tilbake til saksbehandleren");
        browser.clickButton("Fullfør");
        browser.waitForNotification("Merknaden til saksbehandleren må fylles ut");
        browser.closeNotifications();
        browser.choose("Din beslutning", "Jeg godkjenner vedtakene");
        browser.screenshot("godkjenn-vedtakene");
        browser.completeTask();
        browser.closeNotifications();
        browser.login("tasklist", CASEWORKER);
        browser.waitForText("Mine oppgaver");

        // Bergen has no account yet: its payment waits for the caseworker's task, HVL's is paid
        String account = jdbc.sql("select account_number from km_owner where organisation_number = ?").param(BERGEN)
                .query(String.class).single();
        jdbc.sql("update km_owner set account_number = null where organisation_number = ?").param(BERGEN).update();
        scenario.executeJobsOf("Task_Pay");

        // the overview shows the payment standing still, and the task that unblocks it
        openOverview();
        browser.waitForText("Står fast (1)");
        assertThat(browser.pageText()).contains("Registrer kontonummer for Bergen kommune (DEKOM 2027)",
                "Registrer kontonummeret i oppgaven", "Åpne oppgaven", "og Utbetaling per vedtak (R9)",
                "Vedtakene godkjent av Lene Leder");
        browser.screenshot("oversikt-star-fast");
        browser.driver().findElement(By.id("tilbake")).click();
        browser.waitForText("Min gruppes oppgaver");

        browser.clickFilter(DEKOM_FILTER);
        browser.openTask("Registrer kontonummer for Bergen kommune");
        formsOpened.add("registrer-kontonummer");
        assertThat(browser.value("Beløp som skal utbetales")).isEqualTo("7 000 000,00 kr");
        assertThat(browser.value("Organisasjonsnummer")).isEqualTo(BERGEN);
        browser.claim();
        browser.type("Kontonummer", "1234.56.78901");
        browser.clickButton("Fullfør");
        browser.waitForNotification("kontrollsifferet (MOD11) stemmer ikke");
        assertThat(browser.notifications()).contains("KONTONR");
        browser.screenshot("registrer-kontonummer-feil-kontrollsiffer");
        browser.closeNotifications();
        assertThat(jdbc.sql("select account_number from km_owner where organisation_number = ?").param(BERGEN)
                .query(String.class).optional()).isEmpty();
        browser.type("Kontonummer", account.substring(0, 4) + "." + account.substring(4, 6) + "." + account.substring(6));
        browser.screenshot("registrer-kontonummer");
        browser.completeTask();
        browser.closeNotifications();
        assertThat(jdbc.sql("select account_number from km_owner where organisation_number = ?").param(BERGEN)
                .query(String.class).single()).isEqualTo(account);

        // then the payment fails three times over (the database refuses it): the caseworker's task retries it
        String decision = jdbc.sql("select id from km_decision where organisation_number = ?").param(BERGEN)
                .query(String.class).single();
        jdbc.sql("alter table km_payment add constraint km_test_stopp check (decision_id <> '" + decision + "')").update();
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> scenario.executeJobsOf("Task_Pay")).isInstanceOf(RuntimeException.class);
        }
        jdbc.sql("alter table km_payment drop constraint km_test_stopp").update();
        browser.clickFilter(DEKOM_FILTER);
        browser.openTask("Utbetaling feilet: Bergen kommune");
        formsOpened.add("utbetaling-feilet");
        assertThat(browser.value("Beløp som skal utbetales")).isEqualTo("7 000 000,00 kr");
        assertThat(browser.value("Feilmelding")).isNotBlank();
        browser.claim();
        browser.check("Årsaken er rettet: prøv utbetalingen på nytt", true);
        browser.screenshot("utbetaling-feilet");
        browser.completeTask();
        browser.closeNotifications();
        assertThat(runtime.createIncidentQuery().count()).isZero();

        scenario.executeJobsOf("Task_Pay");
        assertThat(jdbc.sql("select count(*) from km_payment where organisation_number = ? and account_number = ?")
                .params(BERGEN, account).query(Long.class).single()).isOne();

        // the letters are sent; Høgskulen på Vestlandet's cannot be delivered, and the caseworker has it sent anew
        integrasjonspunkt.undeliverable(HVL);
        scenario.deliverLetters();
        browser.clickFilter(DEKOM_FILTER);
        browser.openTask("Utsending av brev feilet: Høgskulen på Vestlandet");
        formsOpened.add("brev-feilet");
        assertThat(browser.value("Feilmelding")).contains("leveringen feilet");
        assertThat(browser.value("Brev")).isEqualTo("Tilsagn om tilskudd – Desentralisert ordning for"
                + " kompetanseutvikling i skolen 2027");
        browser.claim();
        browser.check("Årsaken er rettet: send brevet på nytt", true);
        browser.screenshot("brev-feilet");
        integrasjonspunkt.deliverable(HVL);
        browser.completeTask();
        browser.closeNotifications();
        scenario.deliverLetters();
        assertThat(jdbc.sql("select status from km_letter l join km_cycle c on c.id = l.cycle_id where c.budget_year"
                + " = 2027 and c.scheme = 'DEKOM' and c.embete_code = 'VESTLAND'").query(String.class).list())
                .containsOnly("LEVERT").hasSize(2);

        // Bergen finds its grant under «Mine brev»
        browser.login("tasklist", BERGEN_USER);
        browser.waitForText("Mine oppgaver");
        WebElement letters = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(),
                java.time.Duration.ofSeconds(10)).until(d -> d.findElement(By.id("km-brev")));
        assertThat(letters.getText()).isEqualTo("Mine brev");
        letters.click();
        browser.waitForText("1 brev.");
        assertThat(browser.pageText()).contains("Tilsagn om tilskudd", "7 000 000,00 kr", "Åpne brevet (PDF)")
                .doesNotContain("Høgskulen på Vestlandet");
        browser.screenshot("mine-brev");
        String pdf = browser.driver().findElement(By.linkText("Åpne brevet (PDF)")).getAttribute("href");
        assertThat(pdf).contains("/api/brev/");
        assertThat(browser.pageText()).contains("vestland-DEKOM-2027/" + BERGEN);
        bergenComplainsAndUdirDecides();
        browser.login("tasklist", CASEWORKER);
        browser.waitForText("Mine oppgaver");
        scenario.executeJobsOf("Event_SelfEvaluationOpens");
        assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_SubmitSelfEvaluation").count()).isEqualTo(1);
    }

    /**
     * Bergen complains on its grant from Tasklist's start form; the caseworker first upholds it, the leader sends it
     * back, the caseworker then keeps the decision, and Udir, as the complaint body, confirms it: a final letter.
     */
    void bergenComplainsAndUdirDecides() {
        browser.login("tasklist", BERGEN_USER);
        browser.waitForText("Mine oppgaver");
        browser.openStartForm("Klage på vedtak");
        formsOpened.add("klage");
        browser.type("Vedtakets referanse", "vestland-DEKOM-2027/" + HVL);
        browser.type("Hva klager dere på, og hvorfor?", "Vi søkte om mer til lesing i alle fag og ber om"
                + " 7 500 000 kr, fordi to skoler til vil være med.");
        browser.clickButton("Start");
        browser.waitForNotification("Prosessen kunne ikke startes.");
        assertThat(browser.notifications()).contains("Vi finner ikke noe vedtak til din organisasjon");
        browser.screenshot("klage-annens-vedtak-avvist");
        browser.clickButton("Lukk");
        browser.closeNotifications();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("klage").count()).isZero();
        browser.openStartForm("Klage på vedtak");
        browser.type("Vedtakets referanse", "vestland-DEKOM-2027/" + BERGEN);
        browser.type("Hva klager dere på, og hvorfor?", "Vi søkte om mer til lesing i alle fag og ber om"
                + " 7 500 000 kr, fordi to skoler til vil være med.");
        browser.screenshot("klage-utfylt");
        browser.clickButton("Start");
        browser.waitForNotification("Prosessen er startet.");
        browser.closeNotifications();

        // the caseworker upholds it; the leader sends it back
        browser.login("tasklist", CASEWORKER);
        browser.clickFilter("Min gruppes oppgaver");
        browser.openTask("Vurder klagen fra Bergen kommune (DEKOM 2027)");
        formsOpened.add("vurder-klage");
        assertThat(browser.value("Vedtaket det klages på")).startsWith("Tilsagn om 7 000 000,00 kr");
        browser.claim();
        browser.choose("Din vurdering", "Klagen tas til følge: nytt vedtak");
        browser.type("Nytt beløp (kroner)", "7 500 000");
        browser.type("Begrunnelse", "Bergen har vist at to skoler til vil delta; det er rom i rammen.");
        browser.clickButton("Fullfør");
        browser.waitForNotification("mer enn rammen til fordeling");
        browser.screenshot("vurder-klage-over-rammen");
        browser.closeNotifications();
        browser.type("Nytt beløp (kroner)", "6 900 000");
        browser.type("Begrunnelse", "Rammen er fordelt fullt ut. Bergen har flyttet ett av tiltakene til neste år,"
                + " så tilskuddet settes ned til 6 900 000 kr.");
        browser.completeTask();
        browser.closeNotifications();
        browser.login("tasklist", "demo-leder");
        browser.clickFilter("Min gruppes oppgaver");
        browser.openTask("Godkjenn nytt vedtak etter klage fra Bergen kommune (DEKOM 2027)");
        formsOpened.add("godkjenn-klage");
        assertThat(browser.value("Nytt vedtak")).isEqualTo("6 900 000,00 kr (100 000,00 kr kreves tilbake)");
        browser.claim();
        browser.choose("Din beslutning", "Send klagen tilbake til saksbehandleren");
        browser.type("Merknad til saksbehandleren", "Rammen er fordelt fullt ut; vurder klagen på nytt.");
        browser.screenshot("godkjenn-klage");
        browser.completeTask();
        browser.closeNotifications();

        // the caseworker keeps the decision: the complaint goes to Udir
        browser.login("tasklist", CASEWORKER);
        browser.clickFilter("Min gruppes oppgaver");
        assertThat(tasks.getVariable(tasks.createTaskQuery().taskDefinitionKey("Task_AssessComplaint").singleResult()
                .getId(), "lederMerknad")).isEqualTo("Rammen er fordelt fullt ut; vurder klagen på nytt.");
        browser.openTask("Vurder klagen fra Bergen kommune (DEKOM 2027)");
        assertThat(browser.value("Lederen sendte klagen tilbake med denne merknaden")).contains("vurder klagen på nytt");
        browser.claim();
        browser.choose("Din vurdering", "Vedtaket opprettholdes: klagen sendes til Utdanningsdirektoratet");
        browser.type("Nytt beløp (kroner)", "");
        browser.type("Begrunnelse", "Forumets prioritering står; rammen er fordelt fullt ut.");
        browser.completeTask();
        browser.closeNotifications();
        browser.login("tasklist", "demo-udir");
        browser.clickFilter("Min gruppes oppgaver");
        browser.openTask("Avgjør klagen fra Bergen kommune (Statsforvalteren i Vestland, DEKOM 2027)");
        formsOpened.add("avgjor-klage");
        assertThat(browser.value("Statsforvalterens vurdering")).contains("Forumets prioritering står");
        browser.claim();
        browser.choose("Utdanningsdirektoratets vedtak", "Vedtaket stadfestes: klageren får ikke medhold");
        browser.type("Begrunnelse", "Prioriteringen er innenfor forumets skjønn etter retningslinjene.");
        browser.screenshot("avgjor-klage");
        browser.completeTask();
        browser.closeNotifications();
        assertThat(jdbc.sql("select status from km_complaint where organisation_number = ?").param(BERGEN)
                .query(String.class).single()).isEqualTo("STADFESTET");
        assertThat(jdbc.sql("select amount_ore from km_decision d join km_cycle c on c.id = d.cycle_id where"
                + " d.organisation_number = ? and c.budget_year = 2027 and c.scheme = 'DEKOM' and c.embete_code ="
                + " 'VESTLAND'").param(BERGEN).query(Long.class).single()).isEqualTo(700_000_000L);
        new CycleScenario(context).on("vestland-DEKOM-2027/" + BERGEN + "/klage").deliverLetters();

        browser.login("tasklist", BERGEN_USER);
        browser.waitForText("Mine oppgaver");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("km-brev"))).click();
        browser.waitForText("2 brev.");
        assertThat(browser.pageText()).contains("Vedtak i klagesak", "kan ikke påklages", "Uendret: 7 000 000,00 kr");
        browser.screenshot("mine-brev-klage");
    }

    @Test
    @Order(9)
    void bergen_sends_the_self_evaluation_and_the_caseworker_approves_it() {
        browser.login("tasklist", BERGEN_USER);
        browser.clickFilter("Min gruppes oppgaver");
        browser.openTask("Send egenvurdering og rapport");
        formsOpened.add("egenvurdering");
        assertThat(browser.value("Tildelt")).contains("7 000 000");
        browser.claim();
        browser.type("Brukt av tildelte midler (kroner)", "-5");
        browser.waitForFieldError("Brukt av tildelte midler (kroner)", "Skriv et beløp i kroner");
        assertThat(browser.buttonEnabled("Fullfør")).isFalse();
        browser.screenshot("egenvurdering-negativt-belop");
        browser.type("Brukt av tildelte midler (kroner)", "7 000 000");
        browser.type("Egenfinansiering faktisk bidratt (kroner)", "2 100 000");
        browser.type("Gjennomførte tiltak", "Nettverk for lesing på alle skoler.");
        browser.type("Antall deltakere", "120");
        browser.type("Vurdering", "God deltakelse; fortsetter neste år.");
        browser.screenshot("egenvurdering-utfylt");
        browser.completeTask();
        browser.closeNotifications();
        // the receipt for what Bergen sent, beside the need report's
        browser.driver().findElement(By.id("km-kvitteringer")).click();
        browser.waitForText("Egenvurdering og rapport");
        assertThat(browser.pageText()).contains("Behovsmelding").contains("DEKOM 2027");
        browser.screenshot("mine-kvitteringer-egenvurdering");
        browser.driver().findElement(By.id("tilbake")).click();
        browser.waitForText("Min gruppes oppgaver");

        browser.login("tasklist", CASEWORKER);
        browser.clickFilter(DEKOM_FILTER);
        browser.openTask("Vurder egenvurderingen");
        formsOpened.add("vurder-egenvurdering");
        assertThat(browser.value("Brukt")).contains("7 000 000");
        browser.claim();
        browser.check("Egenvurderingen er godkjent", true);
        browser.screenshot("vurder-egenvurdering");

        // approved from the page that approves several at once, each as its own decision
        WebElement link = browser.driver().findElement(By.linkText("Godkjenn flere på én gang"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
        link.click();
        browser.waitForText("1 egenvurdering venter på vurdering.");
        assertThat(browser.pageText().replace('\u00a0', ' ')).contains("Bergen kommune (" + BERGEN + ")")
                .contains("7 000 000,00 kr").contains("Ingen ubrukte midler.");
        browser.driver().findElement(By.cssSelector("input[aria-label='Godkjenn egenvurderingen fra Bergen kommune']"))
                .click();
        browser.screenshot("godkjenn-flere-egenvurderinger");
        browser.clickButton("Godkjenn valgte (1)");
        browser.waitForText("1 egenvurdering godkjent.");
        assertThat(browser.pageText()).contains("Bergen kommune: Godkjent. Ingen ubrukte midler.")
                .contains("Ingen egenvurderinger venter på vurdering i syklusen.");
        assertThat(jdbc.sql("select e.reviewed_by from km_self_evaluation e join km_decision d on d.id = e.decision_id"
                + " where d.organisation_number = ? and e.settlement = 'NONE'").param(BERGEN).query(String.class).list())
                .containsExactly(CASEWORKER);
        browser.driver().findElement(By.id("tilbake")).click();
        browser.waitForText("Min gruppes oppgaver");
    }

    @Test
    @Order(10)
    void the_caseworker_sends_the_yearly_report() {
        // the approved self-evaluation is counted into the cycle by its own job, as the job executor does
        scenario.countSelfEvaluations();
        browser.clickFilter(DEKOM_FILTER);
        browser.openTask("Send årsrapporten til Udir");
        formsOpened.add("send-rapport");
        assertThat(browser.value("Rapporten")).contains("/api/rapporter/");
        browser.claim();
        browser.type("Merknad", "Sendt Udir 1. oktober.");
        browser.screenshot("send-rapport");
        browser.completeTask();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("arssyklus").count()).isZero();
        browser.closeNotifications();

        // the year on the overview, every number as the tables hold it
        openOverview();
        browser.waitForText("Ingenting står fast.");
        String cycleId = jdbc.sql("select id from km_cycle where embete_code = 'VESTLAND' and scheme = 'DEKOM'"
                + " and budget_year = 2027").query(String.class).single();
        long decided = jdbc.sql("select sum(amount_ore) from km_decision where cycle_id = ?").param(cycleId)
                .query(Long.class).single();
        long paid = jdbc.sql("select sum(p.amount_ore) from km_payment p join km_decision d on d.id = p.decision_id"
                + " where d.cycle_id = ?").param(cycleId).query(Long.class).single();
        long sent = jdbc.sql("select count(*) from km_need_report where cycle_id = ?").param(cycleId)
                .query(Long.class).single();
        browser.driver().findElement(By.cssSelector("#syklus-DEKOM details.eiere summary")).click();
        String section = browser.driver().findElement(By.id("syklus-DEKOM")).getText().replace('\u00a0', ' ');
        assertThat(section).contains("Står nå i: Avsluttet.")
                .contains("Ramme\n10 000 000,00 kr")
                .contains("Vedtatt\n" + no.kompetansemidler.domain.money.Money.ofOre(decided).format())
                .contains("Utbetalt\n" + no.kompetansemidler.domain.money.Money.ofOre(paid).format())
                .contains("Søknader: " + sent + " sendt")
                .containsPattern("Bergen kommune " + BERGEN + " Sendt .* Godkjent");
        assertThat(browser.driver().findElements(By.cssSelector("#syklus-DEKOM .diagram .djs-overlay"))).isNotEmpty();
        browser.screenshot("oversikt-aaret");
        browser.driver().findElement(By.id("tilbake")).click();
        browser.waitForText("Min gruppes oppgaver");
    }

    /** From Tasklist's foot to the overview of Vestland's 2027, its diagrams drawn. */
    void openOverview() {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(By.id("km-oversikt")));
        browser.driver().findElement(By.id("km-oversikt")).click();
        browser.waitForText("Oversikt over syklusene –");
        // other tests of this JVM have cycles in later years: the year of this cycle, as a person would choose it
        browser.driver().get("http://localhost:" + port + "/saksbehandling/oversikt.html?embete=vestland&aar=2027");
        browser.waitForText("Statsforvalteren i Vestland 2027");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(d -> !d.findElements(By.cssSelector(".diagram .djs-overlay .merke")).isEmpty());
        String text = browser.pageText();
        assertThat(text).doesNotContain("Task_", "Activity_", "Event_", "null", "undefined", "NaN", "${");
    }

    @Test
    @Order(11)
    void when_the_forum_disagrees_the_caseworker_makes_the_fallback_decision() {
        // a second year, run through the API up to the forum, which does not agree
        scenario.start("DEKOM", 2028, "5 000 000");
        scenario.submitNeedReport(BERGEN, BERGEN_USER);
        scenario.executeJobsOf("BoundaryEvent_DeadlinePassed");
        tasks.createTaskQuery().taskDefinitionKey("Task_HandleMissedDeadline").list().forEach(scenario::doesNotTakePart);
        scenario.countNeedReports();
        scenario.complete("Task_PrepareForum", CASEWORKER, Map.of());
        scenario.complete("Task_RecordRecommendation", CASEWORKER, Map.of("forumEnig", false, "prioriteringer", "Uenighet om fordelingen",
                "begrunnelse", "Forumet ble ikke enig."));

        browser.clickFilter(DEKOM_FILTER);
        browser.openTask("Statsforvalterens reservevedtak (R7)");
        formsOpened.add("reservevedtak");
        browser.claim();
        // the same distribution page as the forum's, for the Statsforvalter's own distribution
        openDistribution();
        browser.waitForText("Statsforvalterens reservevedtak (R7)");
        paste(BERGEN + "; 5 000 000; 1 500 000; 0; 0; Lesing; etterutdanning; 2028; 2028");
        browser.clickButton("Lagre fordelingen");
        browser.waitForText("Versjon 1 er lagret.");
        backToTask();
        browser.type("Prioriteringer", "Lesing");
        browser.type("Begrunnelse", "Forumet ble ikke enig; Statsforvalteren fordeler etter R7.");
        browser.screenshot("reservevedtak-utfylt");
        browser.completeTask();
        browser.closeNotifications();
        scenario.approve();
        assertThat(jdbc.sql("select d.basis, d.amount_ore from km_decision d join km_cycle c on c.id = d.cycle_id"
                + " where c.budget_year = 2028").query((rs, n) -> rs.getString(1) + " " + rs.getLong(2)).list())
                .containsExactly("RESERVEVEDTAK 500000000");
    }

    @Test
    @Order(12)
    void english_stays_selectable() {
        browser.driver().findElement(org.openqa.selenium.By.id("km-sprakvalg")).click();
        browser.waitForText("Start process");
        assertThat(browser.pageText()).contains("Create task", "Keyboard Shortcuts", "Select a task in the list.")
                .doesNotContain("Start prosess", "Opprett oppgave");
        browser.screenshot("engelsk-valgt");
        browser.driver().findElement(org.openqa.selenium.By.id("km-sprakvalg")).click();
        browser.waitForText("Start prosess");
    }

    @Test
    @Order(20)
    void every_form_in_forms_was_opened_in_the_browser() throws Exception {
        Set<String> all = new TreeSet<>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("forms"))) {
            files.map(p -> p.getFileName().toString().replace(".form", "")).forEach(all::add);
        }
        assertThat(formsOpened).isEqualTo(all);
    }

    @Test
    @Order(14)
    void the_leader_sees_the_embete_and_udir_the_country() {
        browser.login("tasklist", "demo-leder");
        browser.waitForText("Mine oppgaver");
        openOverview();
        assertThat(browser.pageText()).contains("Oversikt over syklusene – Statsforvalteren i Vestland 2027")
                .doesNotContain("Hele landet");
        browser.screenshot("oversikt-leder");

        browser.login("tasklist", "demo-udir");
        browser.waitForText("Mine oppgaver");
        openOverview();
        browser.driver().findElement(By.id("landet")).click();
        browser.waitForText("Per embete og ordning");
        browser.driver().get("http://localhost:" + port + "/udir/landet.html?aar=2027");
        browser.waitForText("Hele landet – 2027");
        browser.waitForText(" i 2027.");
        long frames = jdbc.sql("select sum(frame_ore) from km_cycle where budget_year = 2027").query(Long.class).single();
        long paid = jdbc.sql("select sum(p.amount_ore) from km_payment p join km_decision d on d.id = p.decision_id"
                + " join km_cycle c on c.id = d.cycle_id where c.budget_year = 2027").query(Long.class).single();
        String text = browser.pageText().replace('\u00a0', ' ');
        assertThat(text).contains("Rammer fra Udir\n" + no.kompetansemidler.domain.money.Money.ofOre(frames).format())
                .contains("Utbetalt\n" + no.kompetansemidler.domain.money.Money.ofOre(paid).format())
                .contains("Statsforvalteren i Vestland DEKOM Avsluttet")
                .contains("Side · JSON · CSV");
        browser.screenshot("landet-udir");

        // the auditor reads the case's account from the overview: a summary first, then the events, narrowed to Bergen
        browser.login("tasklist", "demo-revisor");
        browser.waitForText("Mine oppgaver");
        openOverview();
        browser.driver().findElement(By.linkText("Les saksforløpet.")).click();
        browser.waitForText("Sammendrag");
        long decided = jdbc.sql("select sum(d.amount_ore) from km_decision d join km_cycle c on c.id = d.cycle_id"
                + " where c.budget_year = 2027 and c.embete_code = 'VESTLAND' and c.scheme = 'DEKOM'")
                .query(Long.class).single();
        assertThat(browser.pageText()).contains("Vedtatt " + no.kompetansemidler.domain.money.Money.ofOre(decided).format())
                .contains("Avvik").contains("Hendelsene (");
        browser.screenshot("saksforlop-sammendrag");
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.name("eier")))
                .selectByValue(BERGEN);
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.name("hendelse")))
                .selectByVisibleText("Vedtak");
        browser.clickButton("Vis");
        browser.waitForText("Hendelsene (1)");
        assertThat(browser.pageText()).contains("Bergen kommune (" + BERGEN + "): 7 000 000,00 kr. Grunnlag: forumets"
                + " innstilling");
        browser.screenshot("saksforlop-bergen-vedtak");
    }

    /**
     * The forum of a large embete: 55 recipients (Vestland's 43 kommuner and the county, and 11 private school owners)
     * have sent need reports that their UH partner confirmed. The caseworker accepts the 55 prefilled rows, changes
     * ten, removes one and adds one for the UH partner, and saves; then replaces them with 55 rows pasted from a spreadsheet, one of them
     * bad and marked on its row, corrects it, saves again, and the decisions follow the saved version row for row.
     */
    @Test
    @Order(15)
    void the_forum_recommendation_for_55_recipients() {
        var registration = context.getBean(no.kompetansemidler.masterdata.OwnerRegistration.class);
        for (int i = 1; i <= 11; i++) {
            String number = no.kompetansemidler.identity.DemoData.inventedOrganisationNumber(String.format("00%02d", i)).value();
            registration.register(new no.kompetansemidler.domain.organisation.NewPrivateOwner(number,
                    "Friskolen nr. " + i + " AS", "PRIVAT_SKOLEEIER", "vestland", "post@friskole" + i + ".example"), CASEWORKER);
        }
        scenario.start("DEKOM", 2029, "50 000 000");
        List<Task> reports = scenario.taskQuery().taskDefinitionKey("Task_SubmitNeedReport").list();
        assertThat(reports).hasSize(55);
        for (Task report : reports) {
            String owner = (String) runtime.getVariable(report.getProcessInstanceId(), "eier");
            String group = no.kompetansemidler.identity.IdentityGroups.owner(
                    new no.kompetansemidler.domain.organisation.OrganisationNumber(owner));
            no.kompetansemidler.testkit.People.as(context.getBean(org.camunda.bpm.engine.IdentityService.class),
                    "test-eier-" + owner, List.of(group), () -> {
                        tasks.complete(report.getId(), new java.util.HashMap<>(
                                no.kompetansemidler.testkit.Applications.needReport(HVL)));
                        return null;
                    });
            scenario.complete(scenario.taskFor("Task_ConfirmPartnership", owner), no.kompetansemidler.testkit.People.UH_HVL,
                    Map.of("uhSvar", "BEKREFT"));
        }
        scenario.executeJobsOf("BoundaryEvent_DeadlinePassed");
        scenario.countNeedReports();
        scenario.complete("Task_PrepareForum", CASEWORKER, Map.of());
        List<String> owners = jdbc.sql("select organisation_number from km_owner where embete_code = 'VESTLAND'"
                + " and organisation_number in (select organisation_number from km_owner_scheme where scheme = 'DEKOM')"
                + " order by organisation_number").query(String.class).list();
        assertThat(owners).hasSize(55);

        browser.login("tasklist", CASEWORKER);
        browser.clickFilter(DEKOM_FILTER);
        browser.openTask("Registrer forumets innstilling (DEKOM 2029)");
        browser.claim();
        openDistribution();
        browser.waitForText("Forhåndsutfylt fra behovsmeldingene");
        assertThat(browser.driver().findElement(By.id("antall")).getText()).isEqualTo("55");
        assertThat(browser.driver().findElement(By.id("sum")).getText()).isEqualTo("55 000 000,00 kr");
        assertThat(browser.driver().findElement(By.id("igjen")).getText()).isEqualTo("\u22125 000 000,00 kr");
        // ten rows get half, the last row goes, and the UH partner's own part comes in as a new row
        for (int row = 0; row < 10; row++) {
            WebElement amount = browser.driver().findElement(By.id("rad-" + row + "-belop"));
            amount.clear();
            amount.sendKeys("500 000");
        }
        String removed = browser.driver().findElement(By.id("rad-54-organisasjonsnummer")).getAttribute("value");
        browser.driver().findElement(By.id("rad-54")).findElement(By.cssSelector("button.fjern")).click();
        browser.clickButton("Legg til rad");
        for (Map.Entry<String, String> field : Map.of("organisasjonsnummer", HVL, "belop", "1 000 000", "egenandel",
                "0", "lonn", "0", "tredjepart", "0", "tiltak", "Partnerskap med skolene", "fraAar", "2029", "tilAar",
                "2029").entrySet()) {
            WebElement input = browser.driver().findElement(By.id("rad-54-" + field.getKey()));
            input.clear();
            input.sendKeys(field.getValue());
        }
        assertThat(browser.driver().findElement(By.id("sum")).getText()).isEqualTo("50 000 000,00 kr");
        assertThat(browser.driver().findElement(By.id("igjen")).getText()).isEqualTo("0,00 kr");
        browser.clickButton("Lagre fordelingen");
        browser.waitForText("Versjon 1 er lagret.");
        browser.screenshot("fordeling-55-mottakere");
        String cycleId = scenario.cycleId();
        assertThat(jdbc.sql("select count(*) from km_proposal_grant l join km_proposal p on p.id = l.proposal_id"
                + " where p.cycle_id = ? and p.version = 1").param(cycleId).query(Long.class).single()).isEqualTo(55);
        assertThat(jdbc.sql("select count(*) from km_proposal_grant l join km_proposal p on p.id = l.proposal_id"
                + " where p.cycle_id = ? and p.version = 1 and l.organisation_number = ?").params(cycleId, removed)
                .query(Long.class).single()).isZero();

        // then the forum's own spreadsheet: 55 rows, the 17th with a bad amount
        StringBuilder pasted = new StringBuilder();
        for (int i = 0; i < owners.size(); i++) {
            String amount = i == 0 ? "1 400 000" : i == 16 ? "900.000,5,5" : "900 000";
            pasted.append(owners.get(i)).append('\t').append(amount).append('\t').append(i == 0 ? "450 000" : "300 000")
                    .append("\t0\t0\tLesing i alle fag\tetterutdanning\t2029\t2029\n");
        }
        paste(pasted.toString());
        browser.waitForText("Rad 17: beløp");
        assertThat(browser.driver().findElements(By.cssSelector("tr.feil"))).hasSize(1);
        assertThat(browser.driver().findElement(By.id("rad-16-belop")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver().findElement(By.id("feil-16")).getText()).contains("Rad 17");
        browser.screenshot("fordeling-55-innlimt-feil-pa-rad-17");
        WebElement bad = browser.driver().findElement(By.id("rad-16-belop"));
        bad.clear();
        bad.sendKeys("900 000");
        browser.clickButton("Kontroller");
        browser.waitForText("Kontrollert: radene kan lagres.");
        assertThat(browser.driver().findElement(By.id("antall")).getText()).isEqualTo("55");
        assertThat(browser.driver().findElement(By.id("sum")).getText()).isEqualTo("50 000 000,00 kr");
        browser.clickButton("Lagre fordelingen");
        browser.waitForText("Versjon 2 er lagret.");
        backToTask();
        assertThat(browser.value("Lagret fordeling")).startsWith("Versjon 2, lagret").contains("55 rader")
                .contains("50 000 000,00 kr av rammen 50 000 000,00 kr");
        browser.check("Forumet ble enig om fordelingen", true);
        browser.type("Prioriteringer", "Lesing");
        browser.type("Referat", "Forumet vedtok regnearkets fordeling.");
        browser.type("Begrunnelse", "Forumets innstilling.");
        browser.completeTask();
        browser.closeNotifications();
        scenario.approve();

        // the decisions follow version 2, one per row, to the øre
        assertThat(jdbc.sql("select organisation_number, amount_ore from km_decision where cycle_id = ?"
                + " order by organisation_number").param(cycleId).query((rs, n) -> rs.getString(1) + " " + rs.getLong(2))
                .list()).hasSize(55).contains(owners.get(0) + " 140000000", owners.get(16) + " 90000000");
        assertThat(jdbc.sql("select sum(amount_ore) from km_decision where cycle_id = ?").param(cycleId)
                .query(Long.class).single()).isEqualTo(5_000_000_000L);
    }

    /**
     * A joint application: the caseworker registers a network on its page (a refusal first, shown with the field),
     * Bergen sends the application for it, and the county, a member, finds «Mine nettverk» in Tasklist and confirms
     * its part after a decline without a reason is refused.
     */
    @Test
    @Order(16)
    void a_network_is_registered_and_a_member_confirms_its_part() {
        scenario.start("DEKOM", 2030, "10 000 000");
        browser.login("tasklist", CASEWORKER);
        browser.waitForText("Mine oppgaver");
        browser.driver().get("http://localhost:" + port + "/saksbehandling/nettverk.html?syklus=" + scenario.cycleId());
        browser.waitForText("Nettverk – DEKOM 2030, Statsforvalteren i Vestland");
        browser.waitForText("Ingen nettverk er registrert i syklusen.");
        browser.driver().findElement(By.id("navn")).sendKeys("Bergensregionen");
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("leder"))).selectByValue(BERGEN);
        browser.clickButton("Registrer nettverket");
        browser.waitForText("Medlemmer: Et nettverk har minst ett medlem i tillegg til lederen. (PÅKREVD)");
        assertThat(browser.driver().findElement(By.id("medlemmer")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("nettverk-avvist");
        assertThat(jdbc.sql("select count(*) from km_network where cycle_id = ?").param(scenario.cycleId())
                .query(Long.class).single()).isZero();
        browser.driver().findElement(By.cssSelector("#medlemmer input[value='" + CycleScenario.VESTLAND_FK + "']")).click();
        browser.clickButton("Registrer nettverket");
        browser.waitForText("Nettverket «Bergensregionen» er registrert med 2 eiere.");
        assertThat(browser.driver().findElement(By.id("nettverk")).getText()).contains("Bergensregionen",
                "Bergen kommune (" + BERGEN + ")", "Vestland fylkeskommune: venter på svar", "Ikke sendt ennå");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0);");
        browser.screenshot("nettverk-registrert");

        scenario.complete(scenario.taskFor("Task_SubmitNeedReport", BERGEN), BERGEN_USER,
                no.kompetansemidler.testkit.Applications.needReport(HVL));
        browser.login("tasklist", "demo-eier-vestlandfk");
        browser.waitForText("Mine oppgaver");
        WebElement link = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("km-nettverk")));
        assertThat(link.getText()).isEqualTo("Mine nettverk");
        link.click();
        browser.waitForText("Bergensregionen – DEKOM 2030, Statsforvalteren i Vestland");
        browser.waitForText("Tiltak 1 «Lesing i alle fag»");
        browser.driver().findElement(By.xpath("//label[contains(., 'Vi avslår vår del av søknaden')]/input")).click();
        browser.clickButton("Send svaret");
        browser.waitForText("Begrunnelse: Begrunnelsen for avslaget må fylles ut. (PÅKREVD)");
        browser.driver().findElement(By.xpath("//label[contains(., 'Vi bekrefter vår del av søknaden')]/input")).click();
        browser.screenshot("mine-nettverk-svar");
        browser.clickButton("Send svaret");
        browser.waitForText("Svaret er registrert.");
        assertThat(browser.pageText()).contains("Vestland fylkeskommune (" + CycleScenario.VESTLAND_FK
                + "): bekreftet, av ");
        browser.screenshot("mine-nettverk-bekreftet");
        assertThat(jdbc.sql("select answer from km_network_member where cycle_id = ? and organisation_number = ?")
                .params(scenario.cycleId(), CycleScenario.VESTLAND_FK).query(String.class).single()).isEqualTo("BEKREFTET");
    }

    /** Organisation number; amount; cash; salary; third party; measure; kind; from; to. */
    static String lines(String bergenCoFinancing) {
        return BERGEN + "; 7 000 000; " + bergenCoFinancing + "; 0; 0; Lesing i alle fag; etterutdanning; 2027; 2028\n"
                + HVL + "; 3 000 000; 0; 0; 300 000; Partnerskap med skolene; etterutdanning; 2027; 2029";
    }

    @Test
    @Order(17)
    void in_rekom_bergen_is_asked_how_the_kindergartens_leaders_and_staff_took_part() {
        CycleScenario rekom = new CycleScenario(context);
        rekom.start("REKOM", 2027, "5 000 000");
        browser.login("tasklist", BERGEN_USER);
        browser.clickFilter("Min gruppes oppgaver");
        browser.openTask("Send behovsmelding – Bergen kommune (REKOM 2027)");
        browser.claim();
        // the scheme's own words (ordninger/2-rekom.yml), not the school's
        assertThat(browser.pageText()).contains("Medvirkning fra barnehagens ledere og ansatte")
                .doesNotContain("Medvirkning fra skoleledere og lærere");
        browser.type("Medvirkning fra barnehagens ledere og ansatte",
                "Styrerne og de ansatte i alle barnehagene deltok i kartleggingen.");
        browser.type("Kompetansebehov", "Språkmiljø og inkluderende praksis i barnehagen.");
        browser.scrollTo("Medvirkning fra barnehagens ledere og ansatte");
        browser.screenshot("rekom-behovsmelding-medvirkning");
        browser.inRow(1);
        browser.type("Navn på tiltaket", "Språkløyper i barnehagen");
        browser.select("UH-partner", "Høgskulen på Vestlandet");
        browser.tick("Mål (R12)", "Et inkluderende læringsmiljø");
        browser.tick("Målgrupper", "Ansatte i barnehagen");
        browser.tick("Målgrupper", "Lærere");
        browser.type("Beløp år 1", "400000");
        browser.type("Antall deltakere", "60");
        // REKOM asks no co-financing (0 %, R1)
        browser.type("Planlagt egenfinansiering", "0");
        browser.inRow(0);
        browser.clickButton("Fullfør");
        browser.waitForNotification("«Lærere» er ikke en målgruppe i REKOM.");
        browser.screenshot("rekom-behovsmelding-malgruppe-avvist");
        assertThat(rekom.taskQuery().taskDefinitionKey("Task_SubmitNeedReport")
                .processVariableValueEquals("eier", BERGEN).count()).as("nothing stored").isEqualTo(1);
        browser.closeNotifications();
        browser.inRow(1).untick("Målgrupper", "Lærere");
        browser.tick("Målgrupper", "Barnehageledere");
        browser.inRow(0);
        browser.screenshot("rekom-behovsmelding");
        browser.completeTask();
        browser.closeNotifications();
        assertThat(rekom.taskQuery().taskDefinitionKey("Task_SubmitNeedReport")
                .processVariableValueEquals("eier", BERGEN).count()).isZero();
        assertThat(jdbc.sql("select involvement from km_need_report where cycle_id = ? and organisation_number = ?")
                .params(rekom.cycleId(), BERGEN).query(String.class).single())
                .isEqualTo("Styrerne og de ansatte i alle barnehagene deltok i kartleggingen.");

        // one forum meeting for REKOM and Kompetanseløftet: the rest of both need mappings through the API
        rekom.complete(rekom.taskFor("Task_ConfirmPartnership", BERGEN), "demo-uh", Map.of("uhSvar", "BEKREFT"));
        rekom.executeJobsOf("BoundaryEvent_DeadlinePassed");
        rekom.taskQuery().taskDefinitionKey("Task_HandleMissedDeadline").list().forEach(rekom::doesNotTakePart);
        rekom.countNeedReports();
        CycleScenario loftet = new CycleScenario(context);
        loftet.start("KOMPETANSELOFTET", 2027, "8 000 000");
        // Kompetanseløftet: the measure names the kindergartens, schools and PPT taking part
        browser.login("tasklist", BERGEN_USER);
        browser.clickFilter("Min gruppes oppgaver");
        browser.openTask("Send behovsmelding – Bergen kommune (KOMPETANSELOFTET 2027)");
        browser.claim();
        browser.type("Medvirkning fra ledere og ansatte i barnehagene, skolene og PPT",
                "Styrerne, rektorene og PPT kartla behovene sammen i hver bydel.");
        browser.type("Kompetansebehov", "Tidlig innsats og inkluderende praksis rundt barn med særlige behov.");
        browser.inRow(1);
        browser.type("Navn på tiltaket", "Laget rundt barnet i Årstad");
        browser.select("UH-partner", "Høgskulen på Vestlandet");
        browser.tick("Mål (R12)", "Et godt lag rundt barnet og eleven (Kompetanseløftet)");
        browser.tick("Målgrupper", "PPT");
        browser.tick("Målgrupper", "Ansatte i barnehagen");
        browser.tick("Målgrupper", "Lærere");
        browser.type("Beløp år 1", "500000");
        browser.type("Antall deltakere", "80");
        browser.type("Planlagt egenfinansiering", "0");
        browser.inRow(0);
        browser.clickButton("Fullfør");
        browser.waitForNotification("skriv hvilke barnehager, skoler og PPT som deltar i tiltaket");
        browser.screenshot("kompetanseloftet-enheter-avvist");
        browser.closeNotifications();
        assertThat(loftet.taskQuery().taskDefinitionKey("Task_SubmitNeedReport")
                .processVariableValueEquals("eier", BERGEN).count()).as("nothing stored").isEqualTo(1);
        browser.inRow(1);
        browser.type("Barnehager, skoler og PPT som deltar", "Årstad barnehage, Haukeland skole og PPT Bergen");
        browser.scrollTo("Barnehager, skoler og PPT som deltar");
        browser.screenshot("kompetanseloftet-behovsmelding");
        browser.inRow(0);
        browser.completeTask();
        browser.closeNotifications();
        assertThat(jdbc.sql("select units from km_measure where cycle_id = ? and organisation_number = ?")
                .params(loftet.cycleId(), BERGEN).query(String.class).single())
                .isEqualTo("Årstad barnehage, Haukeland skole og PPT Bergen");
        loftet.complete(loftet.taskFor("Task_ConfirmPartnership", BERGEN), "demo-uh", Map.of("uhSvar", "BEKREFT"));
        loftet.executeJobsOf("BoundaryEvent_DeadlinePassed");
        loftet.taskQuery().taskDefinitionKey("Task_HandleMissedDeadline").list().forEach(loftet::doesNotTakePart);
        loftet.countNeedReports();

        browser.login("tasklist", CASEWORKER);
        browser.clickFilter("REKOM: min gruppes oppgaver");
        browser.openTask("Forbered samarbeidsforumet (REKOM 2027)");
        browser.claim();
        assertThat(browser.value("Hvem som sitter i forumet")).contains("Kommunene som barnehagemyndighet og"
                + " barnehageeiere", "Private barnehageeiere (PBL)");
        browser.tick("Felles møte med", "KOMPETANSELOFTET 2027 – Kompetanseløftet for spesialpedagogikk og"
                + " inkluderende praksis");
        browser.type("Notat til forumet", "Felles møte 10. mars. Sakliste: 1. REKOM: språkmiljø. 2. Kompetanseløftet:"
                + " lag rundt barnet.");
        browser.screenshot("felles-forummote-forberedt");
        browser.completeTask();
        browser.closeNotifications();
        assertThat(loftet.taskQuery().taskDefinitionKey("Task_RecordRecommendation").count()).isOne();
        assertThat(rekom.taskQuery().taskDefinitionKey("Task_RecordRecommendation").count()).isOne();

        browser.clickFilter("KOMPETANSELOFTET: min gruppes oppgaver");
        browser.openTask("Registrer forumets innstilling (KOMPETANSELOFTET 2027)");
        assertThat(browser.value("Felles møte")).startsWith("Felles møte i samarbeidsforumet for KOMPETANSELOFTET,"
                + " REKOM 2027, forberedt av ").contains("Sakliste: Felles møte 10. mars.");
        browser.scrollTo("Felles møte");
        browser.screenshot("felles-forummote-innstilling");
    }

    @Test
    @Order(18)
    void vestland_fylkeskommune_runs_yrkesfag_and_its_opplaeringskontor_applies() {
        // the Statsforvalter's caseworker may not start it: the county runs it
        browser.login("tasklist", CASEWORKER);
        browser.openStartForm("Årssyklus for en ordning");
        browser.select("Embete eller fylkeskommune", "Statsforvalteren i Vestland");
        browser.select("Ordning", "Desentralisert ordning for fag- og yrkesopplæringen");
        browser.type("År", "2027");
        browser.type("Ramme (kroner)", "3 000 000");
        browser.clickButton("Start");
        browser.waitForNotification("kjøres av fylkeskommunen");
        browser.screenshot("yrkesfag-start-statsforvalter-avvist");
        assertThat(jdbc.sql("select count(*) from km_cycle where scheme = 'YRKESFAG' and budget_year = 2027")
                .query(Long.class).single()).as("nothing stored").isZero();

        browser.login("tasklist", "demo-saksbehandler-fk");
        browser.openStartForm("Årssyklus for en ordning");
        browser.select("Embete eller fylkeskommune", "Vestland fylkeskommune");
        browser.select("Ordning", "Desentralisert ordning for fag- og yrkesopplæringen");
        browser.type("År", "2027");
        browser.type("Ramme (kroner)", "3 000 000");
        browser.screenshot("yrkesfag-start-fylkeskommunen");
        browser.clickButton("Start");
        browser.waitForNotification("Prosessen er startet.");
        browser.closeNotifications();
        String opplaeringskontor = no.kompetansemidler.identity.DemoData.vocationalApplicant(1).value();
        assertThat(jdbc.sql("select county_number from km_cycle where scheme = 'YRKESFAG' and budget_year = 2027")
                .query(String.class).single()).isEqualTo("46");

        // the county registers a fagskole as a provider (R2): it applies for nothing, but may be paid
        fillInRegistration("912345645", "Fagskolen i Vestland (demo)", "Fagskole (tilbyder i yrkesfagordningen)",
                "Vestland fylkeskommune", "post@fagskolen.example");
        browser.screenshot("registrer-tilbyder");
        browser.clickButton("Start");
        browser.waitForNotification("Prosessen er startet.");
        browser.closeNotifications();
        assertThat(jdbc.sql("select kind || ' ' || county_number from km_owner where organisation_number = '912345645'")
                .query(String.class).single()).isEqualTo("FAGSKOLE 46");

        browser.login("tasklist", "demo-eier-opplaeringskontor");
        browser.clickFilter("Min gruppes oppgaver");
        browser.openTask("Send behovsmelding – Opplæringskontoret for bygg- og anleggsfag i Vestland (demo)"
                + " (YRKESFAG 2027)");
        browser.claim();
        assertThat(browser.pageText()).contains("Medvirkning fra yrkesfaglærere, instruktører og faglige ledere i"
                + " bedriftene").doesNotContain("Medvirkning fra skoleledere og lærere");
        browser.type("Medvirkning fra yrkesfaglærere, instruktører og faglige ledere i bedriftene",
                "Instruktørene og de faglige lederne i medlemsbedriftene deltok i kartleggingen.");
        browser.type("Kompetansebehov", "Veiledning av lærlinger og ny teknologi i byggfagene.");
        browser.inRow(1);
        browser.type("Navn på tiltaket", "Hospitering i bedrift for yrkesfaglærere");
        browser.select("UH-partner", "Høgskulen på Vestlandet");
        browser.tick("Mål (R12)", "Flere fullfører videregående opplæring");
        browser.tick("Målgrupper", "Instruktører og faglige ledere i bedrift");
        browser.tick("Målgrupper", "Yrkesfaglærere");
        browser.type("Beløp år 1", "600000");
        browser.type("Antall deltakere", "25");
        browser.type("Planlagt egenfinansiering", "0");
        browser.inRow(0);
        browser.scrollTo("Medvirkning fra yrkesfaglærere, instruktører og faglige ledere i bedriftene");
        browser.screenshot("yrkesfag-behovsmelding");
        browser.completeTask();
        browser.closeNotifications();
        assertThat(jdbc.sql("select involvement from km_need_report r join km_cycle c on c.id = r.cycle_id"
                        + " where c.scheme = 'YRKESFAG' and c.budget_year = 2027 and r.organisation_number = ?")
                .param(opplaeringskontor).query(String.class).single())
                .isEqualTo("Instruktørene og de faglige lederne i medlemsbedriftene deltok i kartleggingen.");

        // the county's leader follows its cycle in the county's own overview
        browser.login("tasklist", "demo-leder-fk");
        browser.waitForText("Mine oppgaver");
        browser.driver().get("http://localhost:" + port
                + "/saksbehandling/oversikt.html?embete=vestland-fylkeskommune&aar=2027");
        browser.waitForText("Oversikt over syklusene – Vestland fylkeskommune 2027");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(d -> !d.findElements(By.cssSelector(".diagram .djs-overlay .merke")).isEmpty());
        assertThat(browser.pageText()).contains("YRKESFAG 2027 – Desentralisert ordning for fag- og yrkesopplæringen")
                .doesNotContain("DEKOM 2027", "Task_", "Activity_", "null", "undefined", "Hele landet");
        browser.screenshot("oversikt-fylkeskommunen");
    }

    @Test
    @Order(19)
    void udir_selects_kommuner_the_caseworker_assigns_a_veileder_and_bergen_sends_its_analysis() {
        String askoy = no.kompetansemidler.testkit.Organisations.ASKOY;
        // Udir pastes its selection; a wrong line stops the whole of it, named by its number
        browser.login("tasklist", "demo-udir");
        browser.openStartForm("Udirs uttrekk til oppfølgingsordningen");
        formsOpened.add("oppfolging-utvalg");
        browser.type("Uttrekket", "år;kommunenummer;organisasjonsnummer\n2027;4601;964338531\n2027;9999;964338531");
        browser.clickButton("Start");
        browser.waitForNotification("Linje 3: kommunenummer 9999 finnes ikke blant kommunene fra 2024.");
        browser.screenshot("oppfolging-uttrekk-avvist");
        assertThat(jdbc.sql("select count(*) from km_follow_up").query(Long.class).single()).as("nothing stored")
                .isZero();
        browser.clickButton("Lukk");
        browser.openStartForm("Udirs uttrekk til oppfølgingsordningen");
        browser.type("Uttrekket", "år;kommunenummer;organisasjonsnummer\n2027;4601;964338531\n2027;4627;" + askoy);
        browser.screenshot("oppfolging-uttrekk");
        browser.clickButton("Start");
        browser.waitForNotification("Prosessen er startet.");
        browser.closeNotifications();
        assertThat(jdbc.sql("select municipality_number from km_follow_up where selection_year = 2027 order by 1")
                .query(String.class).list()).containsExactly("4601", "4627");

        // the Statsforvalter's caseworker assigns Bergen its veileder and the deadline for the analysis
        browser.login("tasklist", CASEWORKER);
        browser.clickFilter("Min gruppes oppgaver");
        browser.openTask("Tildel veileder – Bergen kommune");
        formsOpened.add("tildel-veileder");
        browser.claim();
        browser.type("Veilederens navn", "Vera Veileder");
        browser.type("Veilederens e-postadresse", "vera.veileder@hvl.example");
        browser.type("Veilederens virksomhet", "Høgskulen på Vestlandet");
        browser.typeDate("Frist for analysen", java.time.LocalDate.now().plusMonths(4));
        browser.scrollTo("Veilederens navn");
        browser.screenshot("oppfolging-tildel-veileder");
        browser.completeTask();
        browser.closeNotifications();
        assertThat(jdbc.sql("select veileder_name from km_follow_up where municipality_number = '4601'")
                .query(String.class).single()).isEqualTo("Vera Veileder");

        // Bergen analyses its situation with the veileder and sends the analysis
        browser.login("tasklist", "demo-eier-bergen");
        browser.clickFilter("Min gruppes oppgaver");
        browser.openTask("Send analysen – Bergen kommune");
        formsOpened.add("oppfolging-analyse");
        browser.claim();
        assertThat(browser.value("Veileder")).isEqualTo("Vera Veileder");
        assertThat(browser.pageText()).contains("Frist: ").doesNotContain("Tilbakemelding fra Statsforvalteren");
        browser.type("Kommunens situasjon", "Elevundersøkelsen viser uro i timene på mellomtrinnet, og"
                + " leseresultatene på 5. trinn ligger under landssnittet.");
        browser.type("Utfordringer og prioriteringer", "Lesing i alle fag og et trygt læringsmiljø.");
        browser.type("Arbeidet med veilederen", "Fire møter med veilederen og alle rektorene.");
        browser.scrollTo("Kommune");
        browser.screenshot("oppfolging-analyse");
        browser.completeTask();
        browser.closeNotifications();
        assertThat(jdbc.sql("select analysis_priorities from km_follow_up where municipality_number = '4601'")
                .query(String.class).single()).isEqualTo("Lesing i alle fag og et trygt læringsmiljø.");

        // the caseworker sees where each selected kommune stands in the embete's overview
        browser.login("tasklist", CASEWORKER);
        browser.waitForText("Mine oppgaver");
        browser.driver().get("http://localhost:" + port + "/saksbehandling/oversikt.html?embete=vestland&aar=2027");
        browser.waitForText("Oppfølgingsordningen: kommunene Udir har tatt ut");
        WebElement followUps = browser.driver().findElement(By.id("oppfolging"));
        assertThat(followUps.getText()).contains("Bergen kommune", "Vera Veileder", "Askøy kommune", "ikke tildelt",
                "Analysefasen", "0 av 3").doesNotContain("null", "undefined", "ANALYSE");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'start'});", followUps);
        browser.screenshot("oppfolging-oversikt");

        // the caseworker approves Bergen's analysis; Askøy's deadline passes and the caseworker sets a new one
        browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        browser.clickFilter("Min gruppes oppgaver");
        browser.openTask("Vurder analysen – Bergen kommune");
        formsOpened.add("vurder-oppfolging");
        browser.claim();
        assertThat(browser.value("Fra kommunen")).contains("Lesing i alle fag og et trygt læringsmiljø.");
        browser.choose("Vurdering", "Godkjent");
        browser.completeTask();
        browser.closeNotifications();
        CycleScenario askoyCase = new CycleScenario(context).on("oppfolging-4627-2027");
        askoyCase.complete("Task_AssignVeileder", CASEWORKER, Map.of("veilederNavn", "Per Veileder",
                "veilederEpost", "per@uib.example", "analyseFrist", java.time.LocalDate.now().plusMonths(2).toString()));
        askoyCase.executeJobsOf("BoundaryEvent_AnalysisDeadline");
        browser.driver().navigate().refresh();
        browser.clickFilter("Min gruppes oppgaver");
        browser.openTask("Frist for analysen passert: sett ny frist – Askøy kommune");
        formsOpened.add("ny-analysefrist");
        browser.claim();
        browser.typeDate("Ny frist for analysen", java.time.LocalDate.now().plusMonths(1));
        browser.completeTask();
        browser.closeNotifications();
        assertThat(jdbc.sql("select analysis_deadline from km_follow_up where municipality_number = '4627'")
                .query(java.time.LocalDate.class).single()).isEqualTo(java.time.LocalDate.now().plusMonths(1));

        // Bergen applies in Vestland's Oppfølgingsordningen cycle (through the API); after the decision its first
        // yearly report opens, and Bergen sends it in the browser
        CycleScenario cycle = new CycleScenario(context);
        cycle.start("OPPFOLGING", 2027, "2 000 000");
        cycle.complete(cycle.taskFor("Task_SubmitNeedReport", CycleScenario.BERGEN), "demo-eier-bergen",
                no.kompetansemidler.testkit.Applications.needReport(CycleScenario.HVL));
        cycle.complete(cycle.taskFor("Task_ConfirmPartnership", CycleScenario.BERGEN), "demo-uh",
                Map.of("uhSvar", "BEKREFT"));
        cycle.countNeedReports();
        cycle.complete("Task_PrepareForum", CASEWORKER, Map.of());
        cycle.saveDistribution(String.join("\n",
                CycleScenario.BERGEN + "; 1 500 000; 0; 0; 0; Lesing i alle fag; etterutdanning; 2027; 2027",
                CycleScenario.HVL + "; 500 000; 0; 0; 0; Lesing i alle fag; etterutdanning; 2027; 2027"));
        cycle.complete("Task_RecordRecommendation", CASEWORKER, Map.of("forumEnig", true, "prioriteringer",
                "Lesing", "begrunnelse", "Forumets innstilling."));
        cycle.approve();
        new CycleScenario(context).on("oppfolging-4601-2027").executeJobsOf("Event_ReportOpens");
        browser.login("tasklist", "demo-eier-bergen");
        browser.clickFilter("Min gruppes oppgaver");
        browser.openTask("Send årsrapport 1 av 3 – Bergen kommune");
        formsOpened.add("oppfolging-arsrapport");
        browser.claim();
        assertThat(browser.value("Tilskudd i utviklingsfasen")).isEqualTo("1 500 000,00 kr i 2027");
        browser.type("Hva kommunen har gjort", "Lesekurs for alle lærerne på mellomtrinnet, og nettverk for rektorene.");
        browser.type("Resultater", "Flere elever på 5. trinn leser på forventet nivå.");
        browser.type("Veien videre", "Vi fortsetter med lesing, og tar inn læringsmiljøet.");
        browser.scrollTo("Kommune");
        browser.screenshot("oppfolging-arsrapport");
        browser.completeTask();
        browser.closeNotifications();
        assertThat(jdbc.sql("select count(*) from km_follow_up_report").query(Long.class).single()).isOne();
    }
}
