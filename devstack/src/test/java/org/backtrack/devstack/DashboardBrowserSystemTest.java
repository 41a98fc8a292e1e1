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
import static org.backtrack.testsupport.TestDefaults.JSON;
import static org.backtrack.testsupport.OutsideTools.assumeInstalled;

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
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static WebDriver browser;
    static String gateway;

    @BeforeAll
    static void openBrowser() throws Exception {
        assumeInstalled(() -> Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
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
        int[] shown = {-1};
        List<WebElement> rows = waitFor(() -> {
            var found = browser.findElements(By.cssSelector("#patients tbody tr"));
            shown[0] = found.size();
            return found.size() == SuiteUnderTest.SEED_PATIENTS ? found : null;
        }, () -> "rows shown: " + shown[0] + ", status line: " + browser.findElement(By.id("status")).getText());
        screenshot("overview.png");
        // status is shown in words, never by colour alone
        assertThat(rows).allSatisfy(row -> assertThat(row.findElement(By.cssSelector(".chip")).getText()).isNotBlank());

        // the filter offers the statuses in the API's words and attention order, none kept in the page
        JsonNode words = api("/api/v1/vocabulary");
        assertThat(new Select(browser.findElement(By.id("status-filter"))).getOptions().stream().skip(2).map(WebElement::getText))
                .containsExactlyElementsOf(words.get("statuses").findValuesAsString("label"));

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
    void aRedFlagSyncedSixteenDaysLateTopsTheInboxMarkedLateAndAClinicianAcknowledgesItWithANote() throws Exception {
        String patient = DemoClinic.patientId(1);
        String sessionId = logRedFlag(patient, Duration.ofDays(16));
        browser.get(gateway + "/?clinic=" + DemoClinic.CLINIC_ID);
        // raised as it arrived, among the open alerts, which come first (the page redraws every few seconds: every read
        // below finds its element again)
        String alertId = waitFor(() -> browser.findElements(By.cssSelector("#inbox-table tbody tr[data-type=RED_FLAG_SYMPTOM][data-status=OPEN]"))
                .stream().filter(r -> r.getText().contains("16 days after it happened")).map(r -> r.getAttribute("data-alert-id"))
                .findFirst().orElse(null), () -> "inbox: " + browser.findElement(By.id("inbox-status")).getText());
        assertThat(api("/api/v1/alerts/" + alertId).get("sessionId").asString()).isEqualTo(sessionId);
        String row = "#inbox-table tbody tr[data-alert-id='" + alertId + "']";
        JsonNode vocabulary = api("/api/v1/alert-types");
        List<String> statusOrder = vocabulary.get("statuses").findValuesAsString("status");
        List<String> labels = vocabulary.get("types").findValuesAsString("label");
        List<List<String>> shown = inboxRows();
        assertThat(shown.stream().map(r -> statusOrder.indexOf(r.get(0))).toList()).as("open alerts first").isSorted();
        // every alert named in the words the API gives, never by colour alone; late ones say when it happened and arrived
        assertThat(shown).allSatisfy(r -> assertThat(labels).contains(r.get(1)));
        String text = waitFor(() -> browser.findElement(By.cssSelector(row)).getText());
        assertThat(text).contains(patient, "Numbness reported", "Happened", "arrived");
        assertThat(waitFor(() -> browser.findElement(By.cssSelector(row + " .late")).getText())).isEqualToIgnoringCase("Late");
        screenshot("inbox.png");

        // opening the form stops the redraws until it is done
        waitFor(() -> {
            browser.findElement(By.cssSelector(row + " button.acknowledge-open")).click();
            return true;
        });
        WebElement note = browser.findElement(By.id("note-" + alertId));
        assertThat(browser.switchTo().activeElement()).isEqualTo(note);
        note.sendKeys("Called the patient; seen tomorrow.");
        screenshot("inbox-acknowledging.png");
        browser.findElement(By.cssSelector("#ack-" + alertId + " button.acknowledge-confirm")).click();

        // a red flag resolves by its acknowledgement
        String done = waitFor(() -> {
            WebElement r = browser.findElement(By.cssSelector(row));
            return "RESOLVED".equals(r.getAttribute("data-status")) ? r.getText() : null;
        });
        assertThat(done).contains("by dr.lee", "Called the patient; seen tomorrow.");
        assertThat(browser.findElements(By.cssSelector(row + " button.acknowledge-open"))).isEmpty();
        assertThat(waitFor(() -> browser.findElement(By.id("inbox-status")).getText())).contains("acknowledged");
        JsonNode stored = api("/api/v1/alerts/" + alertId);
        assertThat(stored.get("acknowledgement").get("by").asString()).isEqualTo("dr.lee");
        assertThat(stored.get("acknowledgement").get("note").asString()).isEqualTo("Called the patient; seen tomorrow.");

        new Select(browser.findElement(By.id("inbox-filter"))).selectByValue("open");
        waitFor(() -> inboxRows().stream().allMatch(r -> "OPEN".equals(r.get(0))) && browser.findElements(By.cssSelector(row)).isEmpty()
                ? true : null);
    }

    @Test
    @Order(6)
    void thePatientPageShowsOpenAndPastAlertsMarksALateOneAndAcknowledgesThere() throws Exception {
        String patient = DemoClinic.patientId(1);
        logRedFlag(patient, Duration.ofDays(17));
        browser.get(gateway + "/patient.html?clinic=" + DemoClinic.CLINIC_ID + "&patient=" + patient);
        String alertId = waitFor(() -> browser.findElements(By.cssSelector("#open-alerts li[data-type=RED_FLAG_SYMPTOM].late-row")).stream()
                .filter(li -> li.getText().contains("17 days after it happened")).map(li -> li.getAttribute("data-alert-id"))
                .findFirst().orElse(null));
        String item = "#open-alerts li[data-alert-id='" + alertId + "']";
        assertThat(waitFor(() -> browser.findElement(By.cssSelector(item + " .late")).getText())).isEqualToIgnoringCase("Late");
        // the one acknowledged in the inbox is among the past alerts, still marked late
        waitFor(() -> browser.findElements(By.cssSelector("#past-alerts li[data-type=RED_FLAG_SYMPTOM]")).stream()
                .anyMatch(li -> li.getText().contains("16 days after it happened") && li.getText().contains("by dr.lee")) ? true : null);
        screenshot("patient-late-red-flag.png");

        waitFor(() -> {
            browser.findElement(By.cssSelector(item + " button.acknowledge-open")).click();
            return true;
        });
        browser.findElement(By.id("note-" + alertId)).sendKeys("Late sync; phoned, no numbness now.");
        browser.findElement(By.cssSelector("#ack-" + alertId + " button.acknowledge-confirm")).click();
        String past = waitFor(() -> browser.findElements(By.cssSelector("#past-alerts li[data-alert-id='" + alertId + "']"))
                .stream().findFirst().map(WebElement::getText).orElse(null));
        assertThat(past).contains("by dr.lee", "Late sync; phoned, no numbness now.");
        assertThat(browser.findElements(By.cssSelector(item))).isEmpty();
        screenshot("patient-alerts.png");
    }

    /** Status and label of every inbox row, read in one go (the page redraws the rows every few seconds). */
    @SuppressWarnings("unchecked")
    static List<List<String>> inboxRows() {
        return (List<List<String>>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#inbox-table tbody tr')]"
                        + ".map(r => [r.dataset.status, r.querySelector('.alert-chip').textContent]);");
    }

    /** Logs a session with numbness that happened {@code ago}, synced only now, as a patient app that was offline. */
    static String logRedFlag(String patient, Duration ago) throws Exception {
        String sessionId = "late-red-flag-" + Instant.now().toEpochMilli();
        Instant happened = Instant.now().minus(ago).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String body = ("{\"sessionId\":\"%s\",\"clinicId\":\"%s\",\"patientId\":\"%s\",\"completedAt\":\"%s\","
                + "\"painBefore\":4,\"painAfter\":3,\"flags\":{\"sharpPain\":false,\"radiatingPain\":false,\"numbness\":true,\"nightPain\":false}}")
                .formatted(sessionId, DemoClinic.CLINIC_ID, patient, happened);
        HttpResponse<String> logged = DemoTokens.send("dr.lee", HttpRequest.newBuilder(URI.create(gateway + "/api/v1/sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        return sessionId;
    }

    @Test
    @Order(7)
    void thePatientPageShowsFeedbackPerExerciseAndAnExerciseThatHurtRaisesSharpPainNamingIt() throws Exception {
        String patient = DemoClinic.patientId(1);
        // a session without sharp pain first, so an earlier sharp-pain alert of the patient does not continue
        String clear = ("{\"sessionId\":\"clear-%d\",\"clinicId\":\"%s\",\"patientId\":\"%s\",\"completedAt\":\"%s\","
                + "\"painBefore\":4,\"painAfter\":3}").formatted(Instant.now().toEpochMilli(), DemoClinic.CLINIC_ID, patient,
                Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(DemoTokens.send("dr.lee", HttpRequest.newBuilder(URI.create(gateway + "/api/v1/sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(clear))).statusCode()).isEqualTo(201);
        String body = ("{\"sessionId\":\"feedback-%d\",\"clinicId\":\"%s\",\"patientId\":\"%s\",\"completedAt\":\"%s\","
                + "\"painBefore\":4,\"painAfter\":4,\"exercises\":[{\"exerciseId\":\"cat-cow\",\"completed\":true,\"felt\":\"TOO_EASY\"},"
                + "{\"exerciseId\":\"knee-to-chest\",\"completed\":false,\"felt\":\"TOO_HARD\",\"hurt\":true}]}")
                .formatted(Instant.now().toEpochMilli(), DemoClinic.CLINIC_ID, patient, Instant.now().minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        HttpResponse<String> logged = DemoTokens.send("dr.lee", HttpRequest.newBuilder(URI.create(gateway + "/api/v1/sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);

        browser.get(gateway + "/patient.html?clinic=" + DemoClinic.CLINIC_ID + "&patient=" + patient);
        String row = waitFor(() -> browser.findElements(By.cssSelector("#feedback tbody tr[data-exercise-id=knee-to-chest]")).stream()
                .findFirst().map(WebElement::getText).filter(text -> text.contains("hurt")).orElse(null));
        assertThat(row).containsAnyOf("Knee-to-Chest", "knee-to-chest").contains("too hard, hurt", "left out of the next routines");
        assertThat(waitFor(() -> browser.findElements(By.cssSelector("#open-alerts li[data-type=SHARP_PAIN]")).stream()
                .map(WebElement::getText).filter(text -> text.contains("knee-to-chest")).findFirst().orElse(null)))
                .contains("it hurt in knee-to-chest");
        screenshot("patient-feedback.png");
    }

    @Test
    @Order(8)
    void theMonitoringPageListsEachPatientsDaysAtRiskFirstWithAPeriodPickerAndLinksToThePatient() throws Exception {
        String list = "/api/v1/clinics/" + DemoClinic.CLINIC_ID + "/monitoring?size=200&period=";
        browser.get(gateway + "/monitoring.html");
        // the page shows the API's rows in the API's order (at risk of missing 16 first), each with its day count
        List<String> shown = waitFor(() -> {
            List<String> rows = monitoringRows();
            // other suites in this JVM (the API fuzz) may have set programs for patients with no session yet: listed too
            return rows.equals(expectedMonitoringRows(list + "current")) && rows.size() >= SuiteUnderTest.SEED_PATIENTS ? rows : null;
        }, () -> "rows: " + monitoringRows() + ", status: " + browser.findElement(By.id("status")).getText());
        JsonNode rows = api(list + "current");
        for (JsonNode row : rows) {
            String text = waitFor(() -> browser.findElement(By.cssSelector("#monitoring tr[data-patient-id='" + row.get("patientId").asString() + "']")).getText());
            assertThat(text).contains(row.get("days").asInt() + " of 30",
                    row.get("reached16").asBoolean() ? "Reached" : !row.hasNonNull("lostOn") ? row.get("daysNeeded").asInt() + " more needed" : "Out of reach");
        }
        assertThat(browser.findElement(By.id("status")).getText()).contains(shown.size() + " patients in their current period");
        assertThat(browser.findElements(By.cssSelector("#monitoring svg.days-bar[role=img][aria-label]"))).hasSize(shown.size());
        String csv = "/api/v1/clinics/" + DemoClinic.CLINIC_ID + "/monitoring.csv?period=";
        assertThat(browser.findElement(By.id("monitoring-csv")).getAttribute("href")).isEqualTo(gateway + csv + "current");
        // the link downloads the list with the signed-in session: a header, then the API's rows
        List<?> download = downloadLink("monitoring-csv");
        assertThat(download.get(0)).isEqualTo(200L);
        assertThat((String) download.get(1)).startsWith("text/csv");
        assertThat(((String) download.get(2)).strip().lines()).hasSize(shown.size() + 1);
        screenshot("monitoring.png");

        // the periods holding a day 40 days ago: each patient's earlier period, the export link follows
        String earlier = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(40).toString();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const input = document.getElementById('period'); input.value = arguments[0];"
                        + "input.dispatchEvent(new Event('change'));", earlier);
        waitFor(() -> monitoringRows().equals(expectedMonitoringRows(list + earlier))
                && browser.findElement(By.id("status")).getText().contains("periods holding") ? true : null,
                () -> "rows: " + monitoringRows() + ", status: " + browser.findElement(By.id("status")).getText());
        assertThat(browser.findElement(By.id("monitoring-csv")).getAttribute("href")).isEqualTo(gateway + csv + earlier);
        assertThat(browser.getCurrentUrl()).endsWith("/monitoring.html?period=" + earlier);
        browser.findElement(By.id("period-current")).click();
        waitFor(() -> browser.findElement(By.id("status")).getText().contains("current period") ? true : null);

        String patient = shown.stream().map(row -> row.split(" ")[0]).filter(id -> id.startsWith("patient-")).findFirst().orElseThrow();
        waitFor(() -> {
            browser.findElement(By.linkText(patient)).click();
            return true;
        });
        waitFor(() -> browser.getCurrentUrl().endsWith("/patient.html?clinic=" + DemoClinic.CLINIC_ID + "&patient=" + patient) ? true : null);
        waitFor(() -> browser.findElement(By.id("status")).getText().contains("sessions") ? true : null);
        // the patient page names the period's qualifying session of each day with data
        JsonNode period = api("/api/v1/patients/" + patient + "/monitoring").get("period");
        List<String> qualifying = new java.util.ArrayList<>();
        period.get("qualifyingDays").forEach(day -> qualifying.add(day.get("sessionId").asString()));
        assertThat(waitFor(() -> {
            List<String> shownDays = browser.findElements(By.cssSelector("#qualifying-days li")).stream()
                    .map(li -> li.getAttribute("data-session-id")).toList();
            return shownDays.equals(qualifying) ? shownDays : null;
        })).isNotEmpty();
        assertThat(browser.findElement(By.id("monitoring-summary")).getText()).contains(period.get("days").asInt() + " days with data");
    }

    /** Status, content type and body of what the link with this id downloads, fetched by the page with its session. */
    static List<?> downloadLink(String id) {
        return (List<?>) ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById(arguments[0]).href).then(r => r.text()"
                        + ".then(t => done([r.status, r.headers.get('Content-Type'), t])));", id);
    }

    /** "patient days" of each row of the monitoring page, read in one go (the page redraws every few seconds). */
    @SuppressWarnings("unchecked")
    static List<String> monitoringRows() {
        return (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#monitoring tbody tr')].map(r => r.dataset.patientId + ' ' + r.dataset.days);");
    }

    static List<String> expectedMonitoringRows(String path) {
        try {
            List<String> rows = new java.util.ArrayList<>();
            api(path).forEach(row -> rows.add(row.get("patientId").asString() + " " + row.get("days").asInt()));
            return rows;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(9)
    void theOutcomesPageShowsRespondersOverTimeTheDistributionOfChangeAndAdherenceWithTheirFiguresAsTables() throws Exception {
        browser.get(gateway + "/outcomes.html");
        waitFor(() -> browser.findElement(By.id("status")).getText().contains("Updated") ? true : null,
                () -> "status: " + browser.findElement(By.id("status")).getText());
        JsonNode answer = api("/api/v1/clinics/" + DemoClinic.CLINIC_ID + "/outcomes");
        assertThat(answer.get("followUps")).isNotEmpty();
        for (JsonNode followUp : answer.get("followUps")) {
            WebElement row = browser.findElement(By.cssSelector("#summary tr[data-weeks='" + followUp.get("weeks").asInt() + "']"));
            assertThat(row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList().subList(0, 3)).containsExactly(
                    followUp.get("eligible").asString(), followUp.get("measured").asString(), followUp.get("responders").asString());
            assertThat(row.findElement(By.cssSelector(".responder-share")).getText()).isEqualTo(!followUp.hasNonNull("responderShare")
                    ? "n/a" : Math.round(followUp.get("responderShare").asDouble() * 100) + "%");
        }
        // per starting stage in the vocabulary's words, per program by the API's key
        java.util.Map<String, String> stageLabels = new java.util.HashMap<>();
        api("/api/v1/vocabulary").get("stages").forEach(st -> stageLabels.put(st.get("stage").asString(), st.get("label").asString()));
        List<String> stages = new java.util.ArrayList<>();
        answer.get("byStartingStage").forEach(g -> stages.add(stageLabels.getOrDefault(g.get("key").asString(), g.get("key").asString())));
        assertThat(browser.findElements(By.cssSelector("#by-stage tbody th")).stream().map(WebElement::getText)).containsExactlyElementsOf(stages);
        assertThat(browser.findElements(By.cssSelector("#by-program tbody tr"))).hasSize(answer.get("byProgram").size());
        // the demo clinic's 60 days: its patients are measured at 4 weeks
        assertThat(answer.get("followUps").get(0).get("measured").asInt()).isPositive();
        // each chart is an image with words for screen readers, and its figures are a table too
        assertThat(browser.findElements(By.cssSelector("main svg[role=img]"))).hasSize(4)
                .allSatisfy(chart -> assertThat(chart.getAttribute("aria-label")).isNotBlank());
        assertThat(browser.findElements(By.cssSelector("#rate-table tbody tr"))).hasSize(6);
        assertThat(browser.findElements(By.cssSelector("#rate-chart rect.bar"))).isNotEmpty();
        long withChange = 0;
        for (JsonNode patient : api("/api/v1/clinics/" + DemoClinic.CLINIC_ID + "/patients?size=200")) {
            withChange += !patient.path("trend").hasNonNull("changePoints") ? 0 : 1;
        }
        assertThat(browser.findElements(By.cssSelector("#change-table tbody tr")).stream()
                .mapToInt(r -> Integer.parseInt(r.findElements(By.tagName("td")).get(0).getAttribute("textContent"))).sum())
                .isEqualTo(withChange).isPositive();
        assertThat(browser.findElements(By.cssSelector("#adherence-chart svg"))).hasSize(2);
        String window = "?from=" + answer.get("from").asString() + "&to=" + answer.get("to").asString();
        assertThat(browser.findElement(By.id("outcomes-csv")).getAttribute("href"))
                .isEqualTo(gateway + "/api/v1/clinics/" + DemoClinic.CLINIC_ID + "/outcomes.csv" + window);
        List<?> download = downloadLink("outcomes-csv");
        assertThat(download.get(0)).isEqualTo(200L);
        assertThat((String) download.get(1)).startsWith("text/csv");
        assertThat(((String) download.get(2)).strip().lines().count()).isGreaterThan(answer.get("followUps").size());
        assertThat((String) download.get(2)).contains("CLINIC");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 3000));
        screenshot("outcomes.png");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1100));

        // another window: the last four weeks (too short for a follow-up at 8 weeks)
        String to = answer.get("to").asString();
        String from = java.time.LocalDate.parse(to).minusDays(27).toString();
        JsonNode shorter = api("/api/v1/clinics/" + DemoClinic.CLINIC_ID + "/outcomes?from=" + from + "&to=" + to);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('from').value = arguments[0];", from);
        browser.findElement(By.id("window-show")).click();
        waitFor(() -> browser.findElement(By.id("outcomes-csv")).getAttribute("href").contains("from=" + from) ? true : null);
        assertThat(browser.findElement(By.id("summary-intro")).getText()).startsWith(shorter.get("patientsWithData").asInt() + " patients");
        assertThat(browser.getCurrentUrl()).endsWith("/outcomes.html?from=" + from + "&to=" + to);

        // a window the service refuses: its problem's words, not a blank page
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('from').value = arguments[0];", java.time.LocalDate.parse(to).plusDays(1).toString());
        browser.findElement(By.id("window-show")).click();
        waitFor(() -> browser.findElement(By.id("status")).getText().startsWith("Could not load outcomes") ? true : null);
    }

    @Test
    @Order(10)
    void theNavigationLeadsFromPageToPageByKeyboard() throws Exception {
        browser.get(gateway + "/");
        waitFor(() -> browser.findElement(By.id("status")).getText().contains("Updated") ? true : null);
        for (String[] step : List.of(new String[]{"Monitoring days", "/monitoring.html"}, new String[]{"Outcomes", "/outcomes.html"},
                new String[]{"Overview", "/"})) {
            WebElement link = null;
            for (int tab = 0; tab < 8 && link == null; tab++) {
                browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
                WebElement focused = browser.switchTo().activeElement();
                link = step[0].equals(focused.getText()) && "a".equals(focused.getTagName()) ? focused : null;
            }
            assertThat(link).as("the %s link is reached by Tab from the page's start", step[0]).isNotNull();
            // (a fresh page has the focus at its start; the skip link, the sign-out button, then the pages)
            link.sendKeys(org.openqa.selenium.Keys.ENTER);
            waitFor(() -> browser.getCurrentUrl().startsWith(gateway + step[1]) ? true : null);
            assertThat(waitFor(() -> browser.findElement(By.cssSelector("nav.pages a[aria-current=page]")).getText())).isEqualTo(step[0]);
        }
    }

    @Test
    @Order(11)
    void everyPagePassesTheAxeAccessibilityRules() throws Exception {
        String axePath = System.getenv().getOrDefault("BACKTRACK_AXE", "../.ci/tools/node_modules/axe-core/axe.min.js");
        assumeInstalled(() -> Files.isRegularFile(Path.of(axePath)), "axe-core is not installed (npm install axe-core); .ci/run installs it");
        String axe = Files.readString(Path.of(axePath));
        for (String page : List.of("/?clinic=" + DemoClinic.CLINIC_ID,
                "/patient.html?clinic=" + DemoClinic.CLINIC_ID + "&patient=" + DemoClinic.patientId(1),
                "/monitoring.html", "/outcomes.html")) {
            browser.get(gateway + page);
            waitFor(() -> browser.findElement(By.id("status")).getText().contains("Updated") ? true : null);
            if (page.equals("/outcomes.html")) {
                // the tables behind the charts too
                ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.querySelectorAll('details').forEach(d => d.open = true);");
            }
            if (page.startsWith("/?")) {
                // the inbox with an acknowledgement form open: its note has a label, its buttons names
                waitFor(() -> browser.findElement(By.id("inbox-status")).getText().contains("Updated") ? true : null);
                browser.findElements(By.cssSelector("#inbox-table button.acknowledge-open")).stream().findFirst().ifPresent(WebElement::click);
            }
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(axe);
            Object violations = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                            + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                            + ".map(v => v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))));");
            assertThat((List<?>) violations).as("serious or critical axe violations on %s", page).isEmpty();
        }
    }

    static JsonNode api(String path) throws Exception {
        return JSON.readTree(DemoTokens.send("dr.lee", HttpRequest.newBuilder(URI.create(gateway + path))).body());
    }

    static JsonNode progress(String patient) throws Exception {
        return JSON.readTree(DemoTokens.send("dr.lee", HttpRequest.newBuilder(URI.create(gateway + "/api/v1/patients/" + patient + "/progress"))).body());
    }

    static <T> T waitFor(java.util.function.Supplier<T> condition) {
        // the pages redraw every few seconds: an element found just before may be gone, then the next try finds it anew
        return new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> condition.get());
    }

    /** The same, saying what was seen last when the wait runs out. */
    static <T> T waitFor(java.util.function.Supplier<T> condition, java.util.function.Supplier<String> seen) {
        try {
            return waitFor(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("waited 30 s; " + seen.get(), e);
        }
    }

    static void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
