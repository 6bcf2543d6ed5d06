package net.historyarchive.search.readingroom;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A headless Chromium driven through chromedriver, both from the system (Debian's chromium and
 * chromium-driver packages; .ci/run installs them). Selenium is pointed at them, so it never
 * looks for or downloads a browser or driver of its own; the profile is a fresh temporary folder.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("readingroom.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("readingroom.chromedriver", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private Browser(boolean javascript) {
        for (String program : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!new File(program).canExecute()) {
                throw new IllegalStateException(program + " not found: the reading room's browser tests need Debian's chromium "
                        + "and chromium-driver (apt-get install chromium chromium-driver; .ci/run does this), or set "
                        + "-Dreadingroom.chromium and -Dreadingroom.chromedriver");
            }
        }
        try {
            profile = Files.createTempDirectory("readingroom-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,900",
                "--lang=en-US");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL")); // the console, for tests to read
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    static Browser withJavaScript() {
        return new Browser(true);
    }

    static Browser withoutJavaScript() {
        return new Browser(false);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
