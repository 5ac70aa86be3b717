package com.tierdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.CustomerFixture;
import com.tierdesk.security.Role;
import com.tierdesk.security.UserAccounts;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
class ImportBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @TempDir
    Path dir;

    @Test
    void aSupervisorImportsACdnowSliceWithTheSavedMappingAfterAPreview() {
        Path slice = new CustomerFixture(dir).cdnow(301);

        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signInAsNewUser(accounts, Role.SUPERVISOR, "王主管");
            browser.visit("/imports");
            new Select(browser.find(By.id("import-saved-mapping"))).selectByValue("CDNOW");
            browser.find(By.cssSelector("input[type=file][name=file]")).sendKeys(slice.toAbsolutePath().toString());
            browser.find(By.id("import-preview-button")).click();

            browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("import-preview-rows")));
            assertThat(browser.find(By.id("import-loaded-mapping")).getText()).contains("CDNOW");
            assertThat(browser.find(By.id("import-preview")).getText()).contains("customer_id", "dollar_value");
            assertThat(browser.texts(By.cssSelector("#import-preview-rows tbody tr"))).hasSize(10);
            assertThat(browser.driver().findElements(By.id("import-preview-problems"))).isEmpty();

            browser.find(By.id("import-submit")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#import-job .import-report")));
            assertThat(browser.texts(By.cssSelector("#import-job table.counts tr")))
                    .contains("行数 300", "新增 300", "拒绝 0");
            assertThat(browser.find(By.cssSelector("#import-job .import-report")).getText()).contains("导入已提交");
        }
    }
}
