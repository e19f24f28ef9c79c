package vn.gov.cchc.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real browser: Debian's headless Chromium, driven through its own
 * chromedriver (never one Selenium Manager would download), opens the page the gateway
 * serves, drills down from the province through a district to a commune, and sees a
 * report posted through the gateway change the commune's figure without a reload.
 * Screenshots of a desktop and of a phone-sized screen go to {@code target/screenshots/}.
 */
@ExtendWith(LocalRuntimeExtension.class)
class DashboardChromiumIntegrationTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	/** Who signs in when the gateway asks (a reviewer of Bắc Ninh reads the province). */
	private static final String LOGIN = System.getProperty("cchc.dashboard.login", "snv.thamdinh");

	private static final String PASSWORD = System.getProperty("cchc.dashboard.password", "cchc-demo");

	private static final String PROVINCE = "27";

	private static final String DISTRICT = "256";

	private static final String COMMUNE = "09190";

	/** The 2022 demo plan: its half-year report is on the three-level tree. */
	private static final String PLAN = "27-2022-22-KH-UBND";

	private static final String PERIOD = "2022-H1";

	/** Inside the half-year's window (15/11/2021 to 07/06/2022). */
	private static final LocalDate DAY = LocalDate.of(2022, 5, 10);

	private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * Runs before the runtime is asked for, so that a machine without Chromium skips the
	 * class without starting the whole system.
	 */
	@RegisterExtension
	static final BeforeAllCallback chromiumInstalled = (context) -> Assumptions.assumeTrue(
			Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
			"needs Debian's chromium and " + "chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");

	private static LocalRuntime runtime;

	private static GatewayClient client;

	private ChromeDriver browser;

	@BeforeAll
	static void useTheLocalRuntime(LocalRuntime localRuntime) throws IOException {
		runtime = localRuntime;
		client = runtime.client();
		Files.createDirectories(SCREENSHOTS);
		// The demo plans are issued through plan-service; report-service knows one once
		// it
		// has read PlanIssued.
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.until(() -> client
				.send("GET", "/api/v1/dashboard/" + PROVINCE + "/overview?plan=" + PLAN + "&period=" + PERIOD, null)
				.statusCode() == 200);
	}

	@AfterEach
	void closeTheBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void drillsDownToACommuneAndShowsItsNewReportWithoutAReload() throws Exception {
		this.browser = chromium(null);
		this.browser.get(runtime.gateway() + "/dashboard/");
		signInIfAsked(this.browser);
		awaitShown(this.browser, PROVINCE, null);
		assertThat(new Select(this.browser.findElement(By.id("plan-select"))).getFirstSelectedOption()
			.getAttribute("value")).isEqualTo(PLAN);

		new Select(this.browser.findElement(By.id("period-select"))).selectByValue(PERIOD);
		awaitShown(this.browser, PROVINCE, PERIOD);
		assertThat(this.browser.findElements(By.cssSelector("#period-rates tbody tr[data-period]")))
			.as("a row of reporting rates per period of the plan")
			.hasSizeGreaterThanOrEqualTo(2);
		List<WebElement> late = this.browser.findElements(By.cssSelector("[data-testid=late-unit]"));
		assertThat(late).as("the half-year report is long overdue for some units").isNotEmpty();
		assertThat(late.get(0).findElements(By.cssSelector("a[href^='mailto:'], a[href^='tel:']"))).isNotEmpty();

		this.browser.findElement(By.cssSelector("#children-table tr[data-unit='" + DISTRICT + "']")).click();
		awaitShown(this.browser, DISTRICT, PERIOD);
		this.browser.findElement(By.cssSelector("#children-table tr[data-unit='" + COMMUNE + "']")).click();
		awaitShown(this.browser, COMMUNE, PERIOD);
		assertThat(breadcrumb(this.browser)).containsExactly(PROVINCE, DISTRICT, COMMUNE);
		assertThat(this.browser.getCurrentUrl()).contains("path=" + PROVINCE + "/" + DISTRICT + "/" + COMMUNE);

		this.browser.navigate().refresh();
		awaitShown(this.browser, COMMUNE, PERIOD);
		assertThat(breadcrumb(this.browser)).as("the view is in the address and survives a reload")
			.containsExactly(PROVINCE, DISTRICT, COMMUNE);
		this.browser.executeScript("window.__noReload = true;");
		waitFor(this.browser,
				(driver) -> "open".equals(driver.findElement(By.id("live-status")).getAttribute("data-state")));
		long before = figure(this.browser, "unit-total-events");

		HttpResponse<String> response = client.postProgress(progress(UUID.randomUUID().toString()));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);

		waitFor(this.browser, (driver) -> figure(driver, "unit-total-events") == before + 1);
		assertThat(this.browser.executeScript("return window.__noReload === true;"))
			.as("the figure changed in the page that was open, not in a reloaded one")
			.isEqualTo(true);
		assertThat(this.browser.findElement(By.id("unit-total-events")).getAttribute("class"))
			.as("the changed figure is highlighted")
			.contains("changed");
		screenshot(this.browser, "dashboard-desktop-commune.png", true);

		this.browser.findElement(By.cssSelector("#breadcrumb a[data-unit='" + PROVINCE + "']")).click();
		awaitShown(this.browser, PROVINCE, PERIOD);
		assertThat(this.browser.executeScript("return window.__noReload === true;")).isEqualTo(true);
		screenshot(this.browser, "dashboard-desktop-province.png", true);

		this.browser.quit();
		this.browser = chromium(new Dimension(390, 844));
		// As a reminder links to it: the unit, plan and period in the query.
		this.browser.get(runtime.gateway() + "/dashboard/?unit=" + DISTRICT + "&plan=" + PLAN + "&period=" + PERIOD);
		signInIfAsked(this.browser);
		awaitShown(this.browser, DISTRICT, PERIOD);
		assertThat(breadcrumb(this.browser)).containsExactly(PROVINCE, DISTRICT);
		screenshot(this.browser, "dashboard-phone.png", false);

		for (String name : List.of("dashboard-desktop-commune.png", "dashboard-desktop-province.png",
				"dashboard-phone.png")) {
			assertPng(SCREENSHOTS.resolve(name));
		}
		assertThat(ImageIO.read(SCREENSHOTS.resolve("dashboard-phone.png").toFile()).getWidth()).isEqualTo(390);
	}

	/**
	 * Headless Chromium; with a size, a phone of that size (device metrics, so that the
	 * page sees a viewport narrower than a desktop window can be).
	 */
	private static ChromeDriver chromium(Dimension phone) {
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// The test waits for the page's own data-state; waiting for every subresource
		// of each navigation as well (the default) is what timed out on a loaded CI
		// machine ("Timed out receiving message from renderer").
		options.setPageLoadStrategy(PageLoadStrategy.EAGER);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--disable-extensions", "--hide-scrollbars", "--window-size=1366,900");
		if (phone != null) {
			options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of("width", phone.getWidth(),
					"height", phone.getHeight(), "pixelRatio", 1.0, "mobile", true, "touch", true)));
		}
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(PAGE_TIMEOUT);
		return driver;
	}

	/**
	 * Signs in when the browser lands on a login form instead of the dashboard (once the
	 * gateway asks people to sign in).
	 */
	private static void signInIfAsked(WebDriver driver) {
		waitFor(driver, (browser) -> !browser.findElements(By.cssSelector("input[name=username]")).isEmpty()
				|| "ready".equals(state(browser)));
		List<WebElement> username = driver.findElements(By.cssSelector("input[name=username]"));
		if (username.isEmpty()) {
			return;
		}
		username.get(0).sendKeys(LOGIN);
		WebElement password = driver.findElement(By.cssSelector("input[name=password]"));
		password.sendKeys(PASSWORD);
		password.submit();
	}

	/** Waits until the page shows the unit (in the period, if given), its data loaded. */
	private static void awaitShown(WebDriver driver, String unitCode, String periodId) {
		waitFor(driver, (browser) -> {
			if ("error".equals(state(browser))) {
				throw new IllegalStateException(
						"The dashboard shows an error: " + browser.findElement(By.id("message")).getText());
			}
			return "ready".equals(state(browser)) && unitCode.equals(attribute(browser, "data-unit"))
					&& (periodId == null || periodId.equals(attribute(browser, "data-period")));
		});
	}

	private static String state(WebDriver driver) {
		return attribute(driver, "data-state");
	}

	private static String attribute(WebDriver driver, String name) {
		return (String) ((JavascriptExecutor) driver)
			.executeScript("return document.body && document.body.getAttribute(arguments[0]);", name);
	}

	private static List<String> breadcrumb(WebDriver driver) {
		return driver.findElements(By.cssSelector("#breadcrumb [data-unit]"))
			.stream()
			.map((element) -> element.getAttribute("data-unit"))
			.toList();
	}

	/** A count as the page shows it, in Vietnamese digit grouping ({@code 1.234}). */
	private static long figure(WebDriver driver, String id) {
		String text = driver.findElement(By.id(id)).getText().replaceAll("[^0-9]", "");
		return text.isEmpty() ? -1 : Long.parseLong(text);
	}

	private static void waitFor(WebDriver driver, Function<WebDriver, Boolean> condition) {
		new WebDriverWait(driver, PAGE_TIMEOUT, Duration.ofMillis(200)).until(condition::apply);
	}

	/** The page, whole (the window grown to its height) or as the screen shows it. */
	private static void screenshot(ChromeDriver driver, String name, boolean wholePage) throws IOException {
		if (wholePage) {
			driver.executeScript("window.scrollTo(0, 0);");
			long height = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
			driver.manage().window().setSize(new Dimension(1366, (int) Math.min(height + 200, 8000)));
		}
		Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
		if (wholePage) {
			driver.manage().window().setSize(new Dimension(1366, 900));
		}
	}

	private static void assertPng(Path file) {
		try {
			byte[] bytes = Files.readAllBytes(file);
			assertThat(bytes.length).as("%s is empty", file).isGreaterThan(PNG_SIGNATURE.length);
			assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).as("%s is a PNG", file).isEqualTo(PNG_SIGNATURE);
			assertThat(ImageIO.read(new ByteArrayInputStream(bytes))).as("%s decodes", file).isNotNull();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String progress(String eventId) {
		return """
				{"eventId":"%s","unitCode":"%s","planId":"%s","activityId":"HD07",\
				"date":"%s","quantities":{"broadcasts":1,"minutes":15},\
				"evidence":["https://bacninh.gov.vn/tin-tuc/cai-cach-hanh-chinh"],"budgetSpentVnd":500000,\
				"reporter":"Nguyễn Thị Hà"}""".formatted(eventId, COMMUNE, PLAN, DAY);
	}

}
