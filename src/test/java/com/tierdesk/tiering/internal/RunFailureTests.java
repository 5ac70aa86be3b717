package com.tierdesk.tiering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.Reason;
import com.tierdesk.tiering.ModelVersion;
import com.tierdesk.tiering.ScoringModels;
import com.tierdesk.tiering.TriggerKind;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Why a run failed is stored as a reason and read in each reader's language, on the run's page and in the API with
 * its stable code; a run that failed before reasons were stored keeps showing its text.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RunFailureTests {

    private static final RequestPostProcessor SUPERVISOR = user("supervisor").roles("SUPERVISOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    RunStore runs;

    @Autowired
    ScoringModels models;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRefusedPublicationIsReadInTheReadersLanguage() throws Exception {
        long run = run();
        runs.failed(run, RunFailures.of(new Conflict("status", "problem.run.stale", 3, run)), Instant.now());

        mvc.perform(get("/api/v1/tiering/runs/{id}", run).with(SUPERVISOR).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.error.code").value("problem.run.stale"))
                .andExpect(jsonPath("$.error.reason").value("3 of the run's customers got a new published tier after run "
                        + run + " was computed; assess them again"));
        mvc.perform(get("/api/v1/tiering/runs/{id}", run).with(SUPERVISOR).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andExpect(jsonPath("$.error.code").value("problem.run.stale"))
                .andExpect(jsonPath("$.error.reason").value("评估 " + run + " 计算之后，其中 3 位客户已有新发布的等级；请重新评估"));

        mvc.perform(get("/tiering/runs/{id}", run).with(SUPERVISOR).cookie(new Cookie("tierdesk-lang", "en")))
                .andExpect(content().string(containsString("The run failed: 3 of the run&#39;s customers got a new published tier")));
        mvc.perform(get("/tiering/runs/{id}", run).with(SUPERVISOR))
                .andExpect(content().string(containsString("评估失败：评估 " + run + " 计算之后，其中 3 位客户已有新发布的等级")));
    }

    @Test
    void anUnexpectedErrorKeepsItsMessageInTheReadersSentence() throws Exception {
        long run = run();
        runs.failed(run, RunFailures.of(new IllegalStateException("disk full")), Instant.now());

        mvc.perform(get("/api/v1/tiering/runs/{id}", run).with(SUPERVISOR).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andExpect(jsonPath("$.error.code").value("problem.run.unexpected"))
                .andExpect(jsonPath("$.error.reason").value("评估因意外错误而中止：disk full"));
    }

    @Test
    void aRunThatFailedBeforeReasonsWereStoredShowsItsText() throws Exception {
        long run = run();
        jdbc.sql("UPDATE assessment_run SET status = 'FAILED', error = 'stored before' WHERE id = :id").param("id", run).update();

        mvc.perform(get("/api/v1/tiering/runs/{id}", run).with(SUPERVISOR).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andExpect(jsonPath("$.error.code").value(RunFailures.STORED_TEXT))
                .andExpect(jsonPath("$.error.reason").value("stored before"));
        mvc.perform(get("/tiering/runs/{id}", run).with(SUPERVISOR))
                .andExpect(content().string(containsString("评估失败：stored before")));
    }

    @Test
    void aReasonWithReasonsAsArgumentsIsStoredWhole() {
        Reason nested = Reason.of("problem.with-value", Reason.of("problem.json.number"), "x");
        assertThat(RunFailures.read(RunFailures.json(nested), "ignored")).isEqualTo(nested);
    }

    private long run() {
        ModelVersion model = models.active();
        return runs.insert(model.modelId(), model.version(), LocalDate.now().minusDays(1), null, TriggerKind.MANUAL, null,
                "supervisor", Instant.now());
    }
}
