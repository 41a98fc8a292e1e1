package org.backtrack.devstack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.backtrack.testsupport.TestDefaults.WAIT;
import static org.backtrack.testsupport.OutsideTools.assumeInstalled;

/**
 * The patient's own routine page (served by the gateway, signed in as the demo patient) in headless Chromium at a
 * phone's viewport: the routine is made, its timeline runs with start, pause and next step, the cue and the stop-if
 * signs are on screen, nothing scrolls sideways, and the axe rules pass. Skipped where chromium is not installed.
 */
class PatientRoutineBrowserSystemTest {

    /** A common phone: 390 x 844 CSS pixels. */
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

    static WebDriver browser;
    static String gateway;

    @BeforeAll
    static void openBrowserAsThePatient() throws Exception {
        assumeInstalled(() -> Files.isExecutable(DashboardBrowserSystemTest.CHROMIUM) && Files.isExecutable(DashboardBrowserSystemTest.CHROMEDRIVER),
                "chromium and chromium-driver are not installed; .ci/run installs them");
        gateway = SuiteUnderTest.config().gatewayUrl();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(DashboardBrowserSystemTest.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("chromium-patient"));
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT, "pixelRatio", 3.0, "touch", true)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DashboardBrowserSystemTest.CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(DashboardBrowserSystemTest.SCREENSHOTS);

        browser.get(gateway + "/my-routine.html");
        WebElement username = await().atMost(WAIT).until(() -> browser.findElements(By.id("username")).stream().findFirst().orElse(null),
                java.util.Objects::nonNull);
        username.sendKeys("patient-01");
        browser.findElement(By.id("password")).sendKeys(DevStack.DEMO_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(WAIT).until(() -> browser.getCurrentUrl().startsWith(gateway + "/my-routine.html"));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    static Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** Seconds left in the step as the countdown shows it. */
    static int countdown() {
        String[] parts = text("countdown").split(":");
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }

    @Test
    void thePatientFollowsTheRoutineStepByStepOnAPhone() throws Exception {
        assertThat(((Number) script("return window.innerWidth")).intValue()).isEqualTo(PHONE_WIDTH);
        await().atMost(WAIT).until(() -> browser.findElement(By.id("player")).isDisplayed()
                || browser.findElement(By.id("compose")).isDisplayed());
        if (browser.findElement(By.id("compose")).isDisplayed()) {
            browser.findElement(By.id("compose-button")).click();
        }
        await().atMost(WAIT).until(() -> browser.findElement(By.id("player")).isDisplayed());
        assertThat(text("status")).contains("Press Start");
        assertThat(browser.findElement(By.cssSelector(".signed-in-user")).getText()).isEqualTo("patient-01");

        // the first step: its exercise, what to do, the cue and the stop-if signs, all on screen
        assertThat(text("step-position")).matches("Step 1 of \\d+");
        int steps = Integer.parseInt(text("step-position").replaceAll(".* of ", ""));
        assertThat(text("step-kind")).isEqualTo("Get ready");
        assertThat(text("exercise-name")).isNotBlank();
        assertThat(text("cue")).isNotBlank();
        List<WebElement> stopIf = browser.findElements(By.cssSelector("#stop-if li"));
        assertThat(stopIf).isNotEmpty().allSatisfy(li -> assertThat(li.isDisplayed()).isTrue());
        for (String id : List.of("cue", "stop-if", "start-pause", "next", "countdown")) {
            var rect = browser.findElement(By.id(id)).getRect();
            assertThat(rect.getX()).as(id).isGreaterThanOrEqualTo(0);
            assertThat(rect.getX() + rect.getWidth()).as("%s fits the phone's width", id).isLessThanOrEqualTo(PHONE_WIDTH);
        }
        assertThat(((Number) script("return document.documentElement.scrollWidth")).intValue()).as("no sideways scrolling")
                .isLessThanOrEqualTo(PHONE_WIDTH);
        assertThat(countdown()).isEqualTo(15);
        screenshot("patient-routine.png");

        // start: the clock runs down
        assertThat(text("start-pause")).isEqualTo("Start");
        browser.findElement(By.id("start-pause")).click();
        assertThat(text("start-pause")).isEqualTo("Pause");
        await().atMost(WAIT).until(() -> countdown() <= 13);
        // pause: it stands still
        browser.findElement(By.id("start-pause")).click();
        assertThat(text("start-pause")).isEqualTo("Resume");
        int paused = countdown();
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(() -> countdown() == paused);

        // next step: the hold or reps of the same exercise, with its own cue and the same stop-if signs
        String exercise = text("exercise-name");
        browser.findElement(By.id("next")).click();
        assertThat(text("step-position")).isEqualTo("Step 2 of " + steps);
        assertThat(text("exercise-name")).isEqualTo(exercise);
        assertThat(text("step-kind")).matches("(Hold|\\d+ reps).*");
        assertThat(text("cue")).isNotBlank();
        assertThat(browser.findElements(By.cssSelector("#stop-if li"))).isNotEmpty();
        assertThat(text("announce")).contains(exercise);
        assertThat(text("next-up")).startsWith("Next: ");
        // resumed, the new step counts down from its full length
        int full = countdown();
        browser.findElement(By.id("start-pause")).click();
        await().atMost(WAIT).until(() -> countdown() < full);
        browser.findElement(By.id("start-pause")).click();
        screenshot("patient-routine-running.png");
    }

    @Test
    void theRoutinePagePassesTheAxeRulesAtAPhoneViewport() throws Exception {
        String axePath = System.getenv().getOrDefault("BACKTRACK_AXE", "../.ci/tools/node_modules/axe-core/axe.min.js");
        assumeInstalled(() -> Files.isRegularFile(Path.of(axePath)), "axe-core is not installed (npm install axe-core); .ci/run installs it");
        browser.get(gateway + "/my-routine.html");
        await().atMost(WAIT).until(() -> browser.findElement(By.id("player")).isDisplayed()
                || browser.findElement(By.id("compose")).isDisplayed());
        script(Files.readString(Path.of(axePath)));
        Object violations = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                        + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))));");
        assertThat((List<?>) violations).as("serious or critical axe violations on the routine page").isEmpty();
    }

    static void screenshot(String name) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, DashboardBrowserSystemTest.SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
