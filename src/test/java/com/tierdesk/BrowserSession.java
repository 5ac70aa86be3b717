package com.tierdesk;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tierdesk.security.Role;
import com.tierdesk.security.UserAccount;
import com.tierdesk.security.UserAccounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium driven through the system's ChromeDriver. Both binaries are named explicitly, so
 * Selenium Manager never looks for (or downloads) anything; each session gets a fresh, throw-away profile.
 * Where Chromium is missing the test is skipped, unless {@code TIERDESK_REQUIRE_BROWSER=true} (CI) makes
 * that a failure.
 */
public final class BrowserSession implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;
    private final Path profile;

    private BrowserSession(WebDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, PATIENCE);
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    /** Starts a browser for the application listening on {@code port} of this machine. */
    public static BrowserSession open(int port) {
        requireBrowser();
        Path profile = createProfile();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + profile));
        return new BrowserSession(new ChromeDriver(service, options), "http://localhost:" + port, profile);
    }

    /** Skips the calling test when Chromium or ChromeDriver is missing, or fails it when a browser is required. */
    public static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equalsIgnoreCase(System.getenv("TIERDESK_REQUIRE_BROWSER"))) {
            fail("TIERDESK_REQUIRE_BROWSER=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
        }
        assumeTrue(present, CHROMIUM + " and " + CHROMEDRIVER + " are needed for browser tests");
    }

    public BrowserSession visit(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** Signs in through the login page and waits until the console has let the user in. */
    public BrowserSession signIn(String username, String password) {
        visit("/login");
        find(By.id("username")).sendKeys(username);
        find(By.id("password")).sendKeys(password);
        find(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
        waitUntil(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        return this;
    }

    /** Creates an account with a password chosen here, signs in with it and returns the account. */
    public UserAccount signInAsNewUser(UserAccounts accounts, Role role, String displayName) {
        String username = role.name().toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "browser-" + UUID.randomUUID();
        UserAccount account = accounts.create(username, displayName, password, role);
        signIn(username, password);
        return account;
    }

    /** Signs out with the layout's logout button. */
    public BrowserSession signOut() {
        find(By.cssSelector("form.logout button")).click();
        waitUntil(ExpectedConditions.urlContains("/login"));
        return this;
    }

    public WebElement find(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** The texts of the matching elements, once at least one is on the page (a form may still be submitting). */
    public List<String> texts(By locator) {
        return wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(locator)).stream()
                .map(WebElement::getText).toList();
    }

    public <T> T waitUntil(ExpectedCondition<T> condition) {
        return wait.until(condition);
    }

    /** The path and query of the current page, without scheme, host and port. */
    public String currentPath() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private static Path createProfile() {
        try {
            return Files.createTempDirectory("tierdesk-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
