package com.tierdesk.customer.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.tierdesk.customer.ReportedProblems;
import com.tierdesk.customer.RowProblem;
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
            problems.add(2, "name", "is required");
            problems.add(2, "email", "is not a valid email address");
            problems.add(7, "phone", "is not a valid phone number");
            problems.nextRun();
            problems.add(1, "code", "appears 2 times");
            problems.add(7, "code", "appears 2 times");
            problems.nextRun();
            problems.add(0, null, "whole file");

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
                problems.add(line, "email", "is not a valid email address: 'x" + line + "'");
            }
            problems.nextRun();
            for (int line = 5; line < 10_002; line += 3) {
                problems.add(line, "code", "appears 2 times in this file");
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
        assertThat(report.page(13_331, 10)).extracting(RowProblem::line, RowProblem::field, RowProblem::reason)
                .containsExactly(tuple(10_001L, "email", "is not a valid email address: 'x10001'"),
                        tuple(10_001L, "code", "appears 2 times in this file"));
        assertThat(report).as("read again").hasSize(13_333);

        report.close();
        assertThat(files()).isEmpty();
    }

    @Test
    void anImportThatFailsLeavesNoFileBehind() {
        try (Problems problems = new Problems(dir, 10)) {
            for (int line = 2; line < 100; line++) {
                problems.add(line, "amount", "is not a decimal number");
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
