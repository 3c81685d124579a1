package dev.parley.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's browser: Debian's headless Chromium driven through Debian's chromedriver (a test tool's own
 * browser download would fail here, and would be a different browser from the one people use).
 */
public final class Browser implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser open() {
        try {
            Path profile = Files.createTempDirectory("parley-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("parley.chromium", "/usr/bin/chromium"));
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=1280,800",
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

    public Browser click(String cssSelector) {
        new WebDriverWait(driver, PATIENCE)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(cssSelector))).click();
        return this;
    }

    public WebElement waitFor(String cssSelector) {
        return new WebDriverWait(driver, PATIENCE)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    public void waitForPresent(String cssSelector) {
        new WebDriverWait(driver, PATIENCE)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(cssSelector)));
    }

    public WebElement waitForText(String cssSelector, String text) {
        new WebDriverWait(driver, PATIENCE)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(cssSelector), text));
        return driver.findElement(By.cssSelector(cssSelector));
    }

    public String currentPath() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public Object script(String javascript) {
        return driver.executeScript(javascript);
    }

    public void reload() {
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

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // A temporary profile left behind is harmless.
        }
    }
}
