package no.kompetansemidler.testkit;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * A person at Debian's headless Chromium (driven by ChromeDriver, nothing downloaded) using Tasklist the way they
 * would: by visible Norwegian texts, labels and buttons. Every step can be kept as a screenshot in
 * target/skjermbilder.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final Path SCREENSHOTS = Path.of("target", "skjermbilder");

    private final String baseUrl;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private int step;

    public Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // the same flags as this machine's probe: no GPU, no sandbox as root, and no calls to Google's hosts
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Logs out whoever was logged in, then logs in to the webapp ("tasklist", "cockpit", "admin"). */
    public void login(String app, String user) {
        driver.get(baseUrl + "/camunda/app/" + app + "/default/");
        driver.manage().deleteAllCookies();
        By userName = By.cssSelector("input[ng-model='username']");
        // the first page after the cookies are gone sometimes stays on its spinner: load it again
        retrying(() -> {
            driver.get(baseUrl + "/camunda/app/" + app + "/default/#/login");
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(userName));
        }, org.openqa.selenium.TimeoutException.class);
        // the login page moves the focus to the user name shortly after it shows, which can take a character from a
        // field as it is typed (seen in CI: the login refused, the password field empty): log in again when refused
        for (int login = 1; ; login++) {
            WebElement name = driver.findElement(userName);
            WebElement password = driver.findElement(By.cssSelector("input[ng-model='password']"));
            for (int attempt = 0; attempt < 5; attempt++) {
                pause(500);
                name.clear();
                password.clear();
                name.sendKeys(user);
                password.sendKeys("demo");
                if (user.equals(name.getAttribute("value")) && "demo".equals(password.getAttribute("value"))) {
                    break;
                }
            }
            driver.findElement(By.cssSelector("button[type='submit']")).click();
            try {
                new WebDriverWait(driver, Duration.ofSeconds(10))
                        .until(ExpectedConditions.invisibilityOfElementLocated(userName));
                return;
            } catch (org.openqa.selenium.TimeoutException refused) {
                if (login == 3) {
                    throw refused;
                }
            }
        }
    }

    /** Waits until the visible page text contains the text. */
    public void waitForText(String text) {
        wait.until(d -> pageText().contains(text));
    }

    /** The visible text of the page; read again when the page was rendered anew under the read (a stale body). */
    public String pageText() {
        String[] text = new String[1];
        retrying(() -> text[0] = driver.findElement(By.tagName("body")).getText());
        return text[0];
    }

    public void clickFilter(String name) {
        click(By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[starts-with(normalize-space(.),"
                + literal(name) + ")]"));
    }

    /** Clicks the task in the task list whose name is the text, and waits for its form. */
    public void openTask(String name) {
        click(By.xpath("//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a[starts-with(normalize-space(.),"
                + literal(name) + ")]"));
        wait.until(d -> !d.findElements(By.cssSelector(".fjs-form")).isEmpty());
    }

    public List<String> taskNames() {
        return driver.findElements(By.cssSelector("ol.tasks-list h4.task a")).stream().map(WebElement::getText).toList();
    }

    /** Claims the open task ("Ta oppgaven"); the form is read-only until then. */
    public void claim() {
        clickButton("Ta oppgaven");
        // Tasklist shows the assignee instead of the button, and renders the form again, editable
        wait.until(d -> d.findElements(By.xpath("//button[normalize-space(.)='Ta oppgaven']")).isEmpty());
        pause(700);
    }

    /** Starts a process from "Start prosess" by its name, and waits for its start form. */
    public void openStartForm(String processName) {
        click(By.xpath("//a[normalize-space(.)='Start prosess']"));
        click(By.xpath("//div[contains(@class,'modal')]//a[normalize-space(.)=" + literal(processName) + "]"));
        wait.until(d -> !d.findElements(By.cssSelector(".modal .fjs-form")).isEmpty());
    }

    /** The row of a dynamic list the field steps work in (1 for the first), or 0 for the whole form. */
    private int row;

    /** The steps after this work in the row of the form's dynamic list (1 for the first); 0 for the whole form. */
    public Browser inRow(int number) {
        row = number;
        return this;
    }

    /** Adds a row to the form's dynamic list («Legg til») and works in it from now on. */
    public Browser addRow() {
        int rows = driver.findElements(By.cssSelector(".fjs-repeat-row-container")).size();
        WebElement add = driver.findElement(By.cssSelector("button.fjs-repeat-render-add"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", add);
        wait.until(d -> d.findElements(By.cssSelector(".fjs-repeat-row-container")).size() == rows + 1);
        return inRow(rows + 1);
    }

    /** Ticks an option of a checklist by its visible text. */
    public void tick(String label, String option) {
        retrying(() -> {
            WebElement box = field(label).findElement(By.xpath(".//label[normalize-space(.)=" + literal(option)
                    + "]//input[@type='checkbox'] | .//label[normalize-space(.)=" + literal(option)
                    + "]/preceding-sibling::input[@type='checkbox'][1]"));
            if (!box.isSelected()) {
                ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", box);
            }
            wait.until(d -> box.isSelected());
        });
    }

    /** Scrolls the field into the middle of the view, for a screenshot of it. */
    public void scrollTo(String label) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", field(label));
        pause(300);
    }

    /** Takes the tick off a checkbox of a checklist, if it is ticked. */
    public void untick(String label, String option) {
        retrying(() -> {
            WebElement box = field(label).findElement(By.xpath(".//label[normalize-space(.)=" + literal(option)
                    + "]//input[@type='checkbox'] | .//label[normalize-space(.)=" + literal(option)
                    + "]/preceding-sibling::input[@type='checkbox'][1]"));
            if (box.isSelected()) {
                ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", box);
            }
            wait.until(d -> !box.isSelected());
        });
    }

    private WebElement field(String label) {
        // the label's own text, without the asterisk form-js adds for a required field
        String scope = row == 0 ? "" : "(//div[contains(@class, 'fjs-repeat-row-container')])[" + row + "]";
        By by = By.xpath(scope + "//div[contains(concat(' ', @class, ' '), ' fjs-form-field ')][./label[normalize-space(text())="
                + literal(label) + "] or ./*/label[normalize-space(text())=" + literal(label) + "]]");
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Types a date into a date field the Norwegian way (dd.mm.åååå), as a person does, and closes the calendar. */
    public void typeDate(String label, java.time.LocalDate date) {
        WebElement input = driver.findElement(By.id(driver.findElement(By.xpath("//label[normalize-space(text())="
                + literal(label) + "]")).getAttribute("for")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.click();
        input.sendKeys(date.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
        input.sendKeys(Keys.ENTER);
    }

    /** Types into a text field, text area or number field, replacing what was there. */
    public void type(String label, String text) {
        retrying(() -> typeOnce(label, text));
    }

    /**
     * Runs a step again, up to five times, when the page was rendered anew under it (a stale element) or when it
     * failed in one of the other passing ways named.
     */
    @SafeVarargs
    private static void retrying(Runnable step, Class<? extends RuntimeException>... passing) {
        for (int attempt = 0; ; attempt++) {
            try {
                step.run();
                return;
            } catch (RuntimeException e) {
                boolean passes = e instanceof StaleElementReferenceException
                        || java.util.Arrays.stream(passing).anyMatch(kind -> kind.isInstance(e));
                if (!passes || attempt == 5) {
                    throw e;
                }
                pause(300);
            }
        }
    }

    private void typeOnce(String label, String text) {
        WebElement input = field(label).findElement(By.cssSelector("input, textarea"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.click();
        ((JavascriptExecutor) driver).executeScript("arguments[0].select();", input);
        input.sendKeys(Keys.BACK_SPACE);
        if (text.length() > 200) {
            // long texts are set at once, as a paste would, and announced to form-js as input
            ((JavascriptExecutor) driver).executeScript("const e = arguments[0];"
                    + "const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(e), 'value').set;"
                    + "setter.call(e, arguments[1]); e.dispatchEvent(new Event('input', {bubbles: true}));", input, text);
        } else {
            input.sendKeys(text);
        }
        input.sendKeys(Keys.TAB);
        wait.until(d -> text.equals(input.getAttribute("value")));
        // form-js applies a field's change after a debounce; a change still pending from the field before can
        // render this one anew with its old value (seen in CI: "Vurdering" empty after "Antall deltakere")
        pause(400);
        if (!text.equals(input.getAttribute("value"))) {
            throw new StaleElementReferenceException("«" + label + "» was rendered anew and lost the text typed");
        }
    }

    /** Picks an option in a select field by (the start of) its visible text. */
    public void select(String label, String option) {
        // the list may not have opened yet: the three-second waits inside time out, and the pick is made again
        retrying(() -> selectOnce(label, option), org.openqa.selenium.TimeoutException.class);
    }

    private void selectOnce(String label, String option) {
        WebElement field = field(label);
        // form-js opens the list when its input gets the focus (a click toggles it, and can close it again)
        WebElement input = field.findElement(By.cssSelector("input.fjs-select-hidden-input, input.fjs-input"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});"
                + "arguments[0].blur(); arguments[0].focus();", input);
        WebDriverWait shortly = new WebDriverWait(driver, Duration.ofSeconds(3));
        WebElement item = shortly.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//div[contains(@class,'fjs-dropdownlist-item')][starts-with(normalize-space(.)," + literal(option) + ")]")));
        // form-js picks an option on mousedown; the list can open below the dialog's fold, so the event is sent to it
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});"
                + "arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true, cancelable: true}));", item);
        shortly.until(d -> field(label).findElement(By.cssSelector(".fjs-select-display")).getText().startsWith(option));
    }

    /** Picks a radio option by its visible text. */
    public void choose(String label, String option) {
        WebElement choice = field(label).findElement(By.xpath(".//label[normalize-space(.)=" + literal(option) + "]"));
        // a person scrolls the option into view first: the fixed links at the foot of Tasklist never cover it then
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", choice);
        choice.click();
    }

    /** Ticks or unticks a checkbox. */
    public void check(String label, boolean checked) {
        retrying(() -> checkOnce(label, checked));
    }

    private void checkOnce(String label, boolean checked) {
        WebElement box = field(label).findElement(By.cssSelector("input[type='checkbox']"));
        if (box.isSelected() != checked) {
            // the styled box lies over the input: the click is given to the input itself
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", box);
        }
        wait.until(d -> box.isSelected() == checked);
    }

    public String value(String label) {
        return field(label).findElement(By.cssSelector("input, textarea")).getAttribute("value");
    }

    /** The form-js messages shown under a field. */
    public String fieldErrors(String label) {
        return field(label).findElements(By.cssSelector(".fjs-form-field-error")).stream().map(WebElement::getText)
                .reduce("", String::concat);
    }

    /** Completes the open task ("Fullfør") and waits until Tasklist has let go of it. */
    public void completeTask() {
        clickButton("Fullfør");
        waitForText("Velg en oppgave i listen.");
    }

    /** Waits until the form-js message under the field contains the text. */
    public void waitForFieldError(String label, String text) {
        wait.until(d -> fieldErrors(label).contains(text));
    }

    public boolean buttonEnabled(String text) {
        return driver.findElement(By.xpath("//button[normalize-space(.)=" + literal(text) + "]")).isEnabled();
    }

    public void clickButton(String text) {
        click(By.xpath("//button[normalize-space(.)=" + literal(text) + "]"));
    }

    /** The notifications Tasklist shows (success and errors), as one text. */
    public String notifications() {
        return driver.findElements(By.cssSelector(".page-notifications .alert, [notifications-panel] .alert")).stream()
                .map(WebElement::getText).reduce("", (a, b) -> a + "\n" + b);
    }

    public void waitForNotification(String text) {
        wait.until(d -> notifications().contains(text));
    }

    public void closeNotifications() {
        for (WebElement close : driver.findElements(By.cssSelector(".page-notifications .alert .close"))) {
            try {
                if (close.isDisplayed()) {
                    close.click();
                }
            } catch (StaleElementReferenceException gone) {
                // closed already
            }
        }
    }

    private void click(By by) {
        // a long form puts its buttons under Tasklist's footer: the button is brought to the middle of the view first
        retrying(() -> {
            WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
            element.click();
        }, org.openqa.selenium.ElementClickInterceptedException.class);
    }

    /** For a test class: on a failing test, keeps the screen and the page as FEIL-&lt;test&gt;. */
    public static org.junit.jupiter.api.extension.TestWatcher keptOnFailure(java.util.function.Supplier<Browser> browser) {
        return new org.junit.jupiter.api.extension.TestWatcher() {
            @Override
            public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
                Browser open = browser.get();
                if (open != null) {
                    open.screenshot("FEIL-" + context.getRequiredTestMethod().getName());
                    open.keepPage("FEIL-" + context.getRequiredTestMethod().getName());
                }
            }
        };
    }

    /**
     * Keeps what the screen shows as target/skjermbilder/NN-name.png, after checking that the page shows nothing our
     * users should not read: Camunda's banner urging a migration to Camunda 8.
     */
    public Path screenshot(String name) {
        String text = pageText();
        if (text.contains("Camunda 8")) {
            throw new AssertionError("The page " + name + " shows Camunda's migration banner: " + text.lines()
                    .filter(line -> line.contains("Camunda 8")).findFirst().orElse(""));
        }
        java.util.regex.Matcher internal = NOT_FOR_USERS.matcher(text);
        if (internal.find()) {
            throw new AssertionError("The page " + name + " shows «" + internal.group() + "», which is not for our users: "
                    + text.lines().filter(line -> line.contains(internal.group())).findFirst().orElse(""));
        }
        if (!name.contains("engelsk") && !name.startsWith("FEIL-")) {
            java.util.regex.Matcher english = ENGLISH.matcher(text);
            if (english.find()) {
                throw new AssertionError("The page " + name + " shows English («" + english.group() + "»): "
                        + text.lines().filter(line -> line.contains(english.group())).findFirst().orElse(""));
            }
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(String.format("%02d-%s.png", ++step, name));
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a page must never show a person: a model's element ids, the case's expressions, a script's blanks. */
    static final java.util.regex.Pattern NOT_FOR_USERS = java.util.regex.Pattern.compile(
            "\\b(?:Task|Activity|Event|StartEvent|EndEvent|BoundaryEvent|Gateway|Flow)_[A-Z]\\w*|\\bundefined\\b"
                    + "|\\bNaN\\b|\\$\\{|\\bnull\\b");

    /** Tasklist's and the forms' English, as it shows where a translation is missing (the English step excepted). */
    static final java.util.regex.Pattern ENGLISH = java.util.regex.Pattern.compile("\\b(?:My tasks|Start process"
            + "|Create task|Keyboard Shortcuts|Claim|Unclaim|Add a comment|Set follow-up date|Set due date|No tasks"
            + "|Log out|Field is required|Submit|Cancel|Loading|Filter tasks|Powered by|Date and time|Add new"
            + "|Remove item)\\b");

    /** Keeps the page's HTML next to the screenshots, for a failing step. */
    public void keepPage(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An XPath string literal for any text. */
    static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    @Override
    public void close() {
        driver.quit();
    }
}
