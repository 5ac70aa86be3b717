package com.tierdesk.customer.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.tierdesk.customer.ReportedProblems;
import com.tierdesk.customer.RowProblem;
import com.tierdesk.shared.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProblemsTests {

    @TempDir
    Path dir;

    @Test
    void mergesTheRunsInLineOrderTheEarlierRunFirstOnTheSameLine() {
        try (Problems problems = new Problems(dir, 100)) {
            problems.add(2, "name", Reason.of("problem.required"));
            problems.add(2, "email", Reason.of("problem.email"));
            problems.add(7, "phone", Reason.of("problem.phone"));
            problems.nextRun();
            problems.add(1, "code", Reason.of("problem.import.duplicate", "C1", 2, 1));
            problems.add(7, "code", Reason.of("problem.import.duplicate", "C1", 2, 1));
            problems.nextRun();
            problems.add(0, null, Reason.of("problem.import.empty"));

            ReportedProblems report = problems.report();

            assertThat(report).extracting(RowProblem::line, RowProblem::field).containsExactly(
                    tuple(0L, null), tuple(1L, "code"),
                    tuple(2L, "name"), tuple(2L, "email"),
                    tuple(7L, "phone"), tuple(7L, "code"));
            assertThat(files()).as("few problems stay in memory").isEmpty();
        }
    }

    @Test
    void holdsNoMoreThanTheLimitInMemoryAndListsEveryProblemFromAFile() {
        ReportedProblems report;
        try (Problems problems = new Problems(dir, 100)) {
            for (int line = 2; line < 10_002; line++) {
                problems.add(line, "email", Reason.of("problem.with-value", Reason.of("problem.email"), "x" + line));
            }
            problems.nextRun();
            for (int line = 5; line < 10_002; line += 3) {
                problems.add(line, "code", Reason.of("problem.import.duplicate", "C" + line, 2, line - 3));
            }
            assertThat(files()).as("each run beyond the limit writes its own file").hasSize(2);

            report = problems.report();
        }

        assertThat(files()).as("the runs' files are gone, the report's stays").hasSize(1);
        assertThat(report.size()).isEqualTo(10_000 + 3_333);
        List<Long> lines = new ArrayList<>();
        report.forEach(problem -> lines.add(problem.line()));
        assertThat(lines).hasSize(13_333).isSorted();
        assertThat(report.page(0, 3)).extracting(RowProblem::line, RowProblem::field).containsExactly(
                tuple(2L, "email"), tuple(3L, "email"),
                tuple(4L, "email"));
        assertThat(report.page(13_331, 10)).as("reasons come back from the file as they were written, nested ones too")
                .extracting(RowProblem::line, RowProblem::field, problem -> problem.reason().toString())
                .containsExactly(tuple(10_001L, "email", "is not a valid email address: 'x10001'"),
                        tuple(10_001L, "code", "'C10001' appears 2 times in this file (first on line 9998)"));
        assertThat(report).as("read again").hasSize(13_333);

        report.close();
        assertThat(files()).isEmpty();
    }

    @Test
    void anImportThatFailsLeavesNoFileBehind() {
        try (Problems problems = new Problems(dir, 10)) {
            for (int line = 2; line < 100; line++) {
                problems.add(line, "amount", Reason.of("problem.not-decimal", "x"));
            }
        }

        assertThat(files()).isEmpty();
    }

    private List<Path> files() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
