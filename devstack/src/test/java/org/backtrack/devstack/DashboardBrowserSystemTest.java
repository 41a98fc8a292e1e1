package org.backtrack.devstack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The clinic dashboard in a real headless Chromium (Debian's chromium and chromedriver, driven by Selenium) against
 * the whole suite on seeded data. Screenshots land in target/screenshots. Skipped where chromium is not installed
 * ({@code apt-get install chromium chromium-driver}; .ci/run installs both).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserSystemTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static WebDriver browser;
    static String gateway;

    @BeforeAll
    static void openBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromium-driver are not installed; .ci/run installs them");
        gateway = SuiteUnderTest.config().gatewayUrl();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1100", "--user-data-dir=" + Files.createTempDirectory("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
        signIn();
    }

    /** The dashboard sends the browser to the local issuer's login form and back. */
    static void signIn() throws Exception {
        browser.get(gateway + "/");
        WebElement username = waitFor(() -> browser.findElements(By.id("username")).stream().findFirst().orElse(null));
        assertThat(browser.getCurrentUrl()).startsWith(SuiteUnderTest.config().issuerUrl());
        username.sendKeys("dr.lee");
        browser.findElement(By.id("password")).sendKeys(DevStack.DEMO_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(() -> browser.getCurrentUrl().startsWith(gateway) ? true : null);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void theOverviewListsTheDemoClinicAndFilters() throws Exception {
        browser.get(gateway + "/?clinic=" + DemoClinic.CLINIC_ID);
        List<WebElement> rows = waitFor(() -> {
            var found = browser.findElements(By.cssSelector("#patients tbody tr"));
            return found.size() == SuiteUnderTest.SEED_PATIENTS ? found : null;
        });
        screenshot("overview.png");
        // status is shown in words, never by colour alone
        assertThat(rows).allSatisfy(row -> assertThat(row.findElement(By.cssSelector(".chip")).getText()).isNotBlank());

        String status = rows.get(0).getAttribute("data-status");
        new Select(browser.findElement(By.id("status-filter"))).selectByValue(status);
        assertThat(browser.findElements(By.cssSelector("#patients tbody tr")))
                .isNotEmpty().allSatisfy(row -> assertThat(row.getAttribute("data-status")).isEqualTo(status));
        new Select(browser.findElement(By.id("status-filter"))).selectByValue("");

        browser.findElement(By.id("search")).sendKeys(DemoClinic.patientId(1));
        assertThat(browser.findElements(By.cssSelector("#patients tbody tr")))
                .extracting(row -> row.getAttribute("data-patient-id")).containsExactly(DemoClinic.patientId(1));

        browser.findElement(By.cssSelector("#patients th[data-sort=currentPain] button")).click();
        assertThat(browser.findElement(By.cssSelector("#patients th[data-sort=currentPain]")).getAttribute("aria-sort")).isEqualTo("ascending");
    }

    @Test
    @Order(2)
    void aPatientPageDrawsOnePointPerSessionAndTheSuggestion() throws Exception {
        String patient = DemoClinic.patientId(1);
        browser.findElement(By.linkText(patient)).click();
        JsonNode progress = progress(patient);
        int sessions = progress.get("sessionCount").asInt();

        waitFor(() -> browser.findElements(By.cssSelector("circle.point-before")).size() == sessions ? true : null);
        assertThat(browser.findElements(By.cssSelector("circle.point-after"))).hasSize(sessions);
        assertThat(browser.findElement(By.id("suggestion-reason")).getText())
                .isEqualTo(progress.get("suggestion").get("reason").asString());
        assertThat(browser.findElement(By.cssSelector("#patient-status .chip")).getText()).isNotBlank();
        assertThat(browser.findElements(By.cssSelector("#sessions tbody tr"))).hasSize(sessions);
        assertThat(browser.findElements(By.cssSelector("#calendar td"))).hasSize(8 * 7);
        screenshot("patient.png");
    }

    @Test
    @Order(3)
    void aClinicianAcceptsThePendingProgressionOnThePatientPage() throws Exception {
        // patient-02 follows a plateau course: progress-service proposed deeper stretches, routine-service holds it
        WebElement accept = waitFor(() -> {
            var button = browser.findElement(By.id("proposal-accept"));
            return button.isDisplayed() ? button : null;
        });
        assertThat(browser.findElement(By.id("decided-by")).getText()).isEqualTo("dr.lee");
        accept.click();
        waitFor(() -> browser.findElement(By.id("program-stage")).getText().equals("deeper stretches") ? true : null);
        assertThat(browser.findElement(By.id("decisions")).getText()).contains("accepted", "by dr.lee");
        screenshot("patient-accepted.png");
    }

    @Test
    @Order(4)
    void aSessionLoggedMeanwhileAppearsWithoutAReload() throws Exception {
        String patient = DemoClinic.patientId(1);
        int before = browser.findElements(By.cssSelector("circle.point-before")).size();
        String body = """
                {"sessionId":"live-%s","clinicId":"%s","patientId":"%s","completedAt":"%s","painBefore":3,"painAfter":2}"""
                .formatted(Instant.now().toEpochMilli(), DemoClinic.CLINIC_ID, patient, Instant.now().minusSeconds(60));
        HttpResponse<String> response = DemoTokens.send("dr.lee", HttpRequest.newBuilder(URI.create(gateway + "/api/v1/sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).isEqualTo(201);

        waitFor(() -> browser.findElements(By.cssSelector("circle.point-before")).size() == before + 1 ? true : null);
        screenshot("patient-live.png");
    }

    @Test
    @Order(5)
    void bothPagesPassTheAxeAccessibilityRules() throws Exception {
        String axePath = System.getenv().getOrDefault("BACKTRACK_AXE", "../.ci/tools/node_modules/axe-core/axe.min.js");
        assumeTrue(Files.isRegularFile(Path.of(axePath)), "axe-core is not installed (npm install axe-core); .ci/run installs it");
        String axe = Files.readString(Path.of(axePath));
        for (String page : List.of("/?clinic=" + DemoClinic.CLINIC_ID,
                "/patient.html?clinic=" + DemoClinic.CLINIC_ID + "&patient=" + DemoClinic.patientId(1))) {
            browser.get(gateway + page);
            waitFor(() -> browser.findElement(By.id("status")).getText().contains("Updated") ? true : null);
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(axe);
            Object violations = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                            + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                            + ".map(v => v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))));");
            assertThat((List<?>) violations).as("serious or critical axe violations on %s", page).isEmpty();
        }
    }

    static JsonNode progress(String patient) throws Exception {
        return JSON.readTree(DemoTokens.send("dr.lee", HttpRequest.newBuilder(URI.create(gateway + "/api/v1/patients/" + patient + "/progress"))).body());
    }

    static <T> T waitFor(java.util.function.Supplier<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> condition.get());
    }

    static void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
