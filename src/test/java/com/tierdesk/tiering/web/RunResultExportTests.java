package com.tierdesk.tiering.web;

import static com.tierdesk.shared.ExportedFile.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.Customer;
import com.tierdesk.shared.ExportedFile;
import com.tierdesk.tiering.AssessmentResult;
import com.tierdesk.tiering.AssessmentRun;
import com.tierdesk.tiering.ResultFilter;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.junit.jupiter.api.Test;

/** A run's results exported from its page and the API: the results its filters keep, every page, scores as numbers. */
class RunResultExportTests extends ConsoleTestSupport {

    @Test
    void theRunPageExportsTheFilteredResultsAsAWorkbookWithScoresAsNumbers() throws Exception {
        Customer big = aBuyer("9000.00", "9000.00", "9000.00");
        Customer small = aBuyer("10.00");
        AssessmentRun run = assessed("analyst", big, small);
        List<AssessmentResult> shown = results.results(run.id(), ResultFilter.NEW, null, 0, 500);

        var rows = ExportedFile.xlsx(mvc.perform(get("/tiering/runs/" + run.id()).param("change", "NEW")
                        .param("format", "xlsx").with(as("agent", "AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());

        List<Cell> header = rows.get(0);
        assertThat(rows.stream().skip(1).map(r -> r.get(column(header, "客户")).getStringCellValue()))
                .containsExactlyElementsOf(shown.stream().map(r -> r.customer().code()).toList())
                .containsExactlyInAnyOrder(big.code(), small.code());
        List<Cell> first = rows.get(1);
        Cell score = first.get(column(header, "得分"));
        assertThat(score.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(score.getNumericCellValue()).isEqualTo(shown.get(0).score());
        assertThat(first.get(column(header, "变化")).getStringCellValue()).isEqualTo("新客户");

        var upgrades = ExportedFile.csv(mvc.perform(get("/api/v1/tiering/runs/" + run.id() + "/results")
                        .param("change", "UPGRADE").param("format", "csv").with(as("agent", "AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(upgrades).as("no customer of a first run moves up").hasSize(1);
    }

    @Test
    void theRunPageOffersTheExportOfTheResultsItShows() throws Exception {
        AssessmentRun run = assessed("analyst", aBuyer("100.00"));

        assertThat(html(get("/tiering/runs/" + run.id()).param("change", "NEW").with(as("agent", "AGENT"))))
                .contains("/tiering/runs/" + run.id() + "?change=NEW&amp;tier=&amp;format=csv");
    }
}
