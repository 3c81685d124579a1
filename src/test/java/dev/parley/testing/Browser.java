package dev.parley.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's browser: Debian's headless Chromium driven through Debian's chromedriver (a test tool's own
 * browser download would fail here, and would be a different browser from the one people use).
 */
public final class Browser implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;

    private final ChromeDriver driver;
    private final Path profile;
    private final List<String> cspViolations = new java.util.ArrayList<>();

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A laptop-sized browser window. */
    public static Browser open() {
        return open(new ChromeOptions().addArguments("--window-size=1280,800"));
    }

    /**
     * A phone's screen (390 x 844 CSS pixels, as an iPhone 12 to 15), through Chromium's device emulation: a
     * desktop window cannot be made narrower than 500 pixels.
     */
    public static Browser openPhone() {
        return open(new ChromeOptions().setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT, "pixelRatio", 1.0))));
    }

    private static Browser open(ChromeOptions options) {
        try {
            Path profile = Files.createTempDirectory("parley-chromium-");
            options.setBinary(System.getProperty("parley.chromium", "/usr/bin/chromium"));
            // The console, to see Content-Security-Policy violations (see close()).
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic",
                    // Nothing but 127.0.0.1 and localhost resolves: a page that links the internet (a test identity provider's
                    // web font) cannot make this browser leave the machine.
                    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("parley.chromedriver", "/usr/bin/chromedriver")))
                    .usingAnyFreePort()
                    .build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Browser visit(java.net.URI page) {
        cspViolations(); // read what the previous page logged before it goes
        driver.get(page.toString());
        return this;
    }

    /** Types into a field once it is there and enabled (the composer is disabled until a conversation loads). */
    public Browser type(String cssSelector, String text) {
        WebElement field = new WebDriverWait(driver, PATIENCE)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(cssSelector)));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Chooses a file in a file input, as picking it in the browser's file dialog would (the input may be hidden). */
    public Browser chooseFile(String cssSelector, java.nio.file.Path file) {
        driver.findElement(By.cssSelector(cssSelector)).sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    /** Types keys into a field as they come, without clearing it first (e.g. {@code Keys.ENTER}). */
    public Browser press(String cssSelector, CharSequence... keys) {
        new WebDriverWait(driver, PATIENCE)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(cssSelector))).sendKeys(keys);
        return this;
    }

    /** Clicks the element once it is clickable; an element an ajax update replaced meanwhile is looked up again. */
    public Browser click(String cssSelector) {
        new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class).until(page -> {
            WebElement element = ExpectedConditions.elementToBeClickable(By.cssSelector(cssSelector)).apply(page);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
        return this;
    }

    public WebElement waitFor(String cssSelector) {
        return new WebDriverWait(driver, PATIENCE)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    public void waitForPresent(String cssSelector) {
        waitForPresent(cssSelector, PATIENCE);
    }

    public void waitForPresent(String cssSelector, Duration patience) {
        new WebDriverWait(driver, patience)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(cssSelector)));
    }

    /** Waits until nothing matching is visible: gone, hidden, or never there. */
    public void waitForHidden(String cssSelector) {
        new WebDriverWait(driver, PATIENCE)
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    /**
     * Waits for an element that matches and whose visible text is exactly {@code text}. Live pages replace
     * elements while this looks at them (a message's reactions, say): one that went stale is looked for again.
     */
    public WebElement waitForExactText(String cssSelector, String text) {
        return new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class)
                .until(page -> page.findElements(By.cssSelector(cssSelector))
                        .stream().filter(element -> text.equals(element.getText())).findFirst().orElse(null));
    }

    /** Waits until exactly {@code count} elements match. */
    public void waitForCount(String cssSelector, int count) {
        new WebDriverWait(driver, PATIENCE)
                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(cssSelector), count));
    }

    /** Clicks the first visible match, if there is one, without waiting; answers whether it clicked. */
    public boolean clickIfShown(String cssSelector) {
        try {
            for (WebElement element : driver.findElements(By.cssSelector(cssSelector))) {
                if (element.isDisplayed()) {
                    element.click();
                    return true;
                }
            }
        } catch (StaleElementReferenceException replaced) {
            // The page changed it meanwhile; the caller asks again.
        }
        return false;
    }

    public boolean isShown(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector)).stream().anyMatch(WebElement::isDisplayed);
    }

    /** The visible text of each matching element, in page order. */
    public List<String> texts(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector)).stream().map(WebElement::getText).toList();
    }

    public WebElement find(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector));
    }

    /** Whether a JavaScript alert, confirm or prompt is open (one a page was tricked into opening, say). */
    public boolean alertIsOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException none) {
            return false;
        }
    }

    /** Waits for the page's confirm (or alert) and answers it with OK. */
    public void acceptAlert() {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.alertIsPresent()).accept();
    }

    /** Waits until {@code condition} holds, checking it again and again. */
    public void waitUntil(BooleanSupplier condition) {
        new WebDriverWait(driver, PATIENCE).until(page -> condition.getAsBoolean());
    }

    /** Opens a new tab in front of the current one, which goes to the background; answers the old tab's handle. */
    public String openTab() {
        String current = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        return current;
    }

    /** The handle of the tab in front, to come back to it after {@link #switchToTab}. */
    public String currentTab() {
        return driver.getWindowHandle();
    }

    public void switchToTab(String handle) {
        driver.switchTo().window(handle);
    }

    /** The title of every tab, as the browser shows them on its tabs (background ones included). */
    @SuppressWarnings("unchecked")
    public List<String> tabTitles() {
        Map<String, Object> targets = driver.executeCdpCommand("Target.getTargets", Map.of());
        return ((List<Map<String, Object>>) targets.get("targetInfos")).stream()
                .filter(target -> "page".equals(target.get("type")))
                .map(target -> (String) target.get("title")).toList();
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** The value of a cookie the browser holds for the current page's site, HttpOnly ones included. */
    public String cookie(String name) {
        Cookie cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    public void deleteCookie(String name) {
        driver.manage().deleteCookieNamed(name);
    }

    /** Forgets every cookie of the current page's site: the next visit is a stranger's. */
    public void deleteAllCookies() {
        driver.manage().deleteAllCookies();
    }

    /** Pages render as on a device set to dark mode ({@code prefers-color-scheme: dark}), or light. */
    public void preferDark(boolean dark) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.<String, Object>of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
        // A screenshot taken next shows the new colours, not a colour transition halfway.
        driver.executeAsyncScript("const done = arguments[0];"
                + "requestAnimationFrame(() => Promise.all(document.getAnimations().map(a => a.finished)).then(done));");
    }

    public WebElement waitForText(String cssSelector, String text) {
        new WebDriverWait(driver, PATIENCE)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(cssSelector), text));
        return driver.findElement(By.cssSelector(cssSelector));
    }

    public String currentPath() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public Object script(String javascript, Object... arguments) {
        return driver.executeScript(javascript, arguments);
    }

    public void reload() {
        cspViolations();
        driver.navigate().refresh();
    }

    /** Keeps a picture of the page under target/screenshots, for a person to look at. */
    public void screenshot(String name) {
        try {
            Path folder = Path.of("target", "screenshots");
            Files.createDirectories(folder);
            Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the pages' Content-Security-Policy refused so far (the browser reports each refusal on the console).
     * Parley's pages must not need anything it refuses: {@link #close()} fails when there was any.
     */
    public List<String> cspViolations() {
        try {
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                if (entry.getMessage().contains("Content Security Policy")) {
                    cspViolations.add(entry.getMessage());
                }
            }
        } catch (RuntimeException browserGone) {
            // Nothing more to read.
        }
        return List.copyOf(cspViolations);
    }

    /** For a test that provokes a violation on purpose: what it provoked is not held against the pages. */
    public void forgetCspViolations() {
        cspViolations();
        cspViolations.clear();
    }

    @Override
    public void close() {
        List<String> violations = cspViolations();
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // A temporary profile left behind is harmless.
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("The page broke its Content-Security-Policy: " + violations);
        }
    }
}
