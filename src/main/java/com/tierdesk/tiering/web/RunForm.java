package com.tierdesk.tiering.web;

import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.tiering.AssessmentRequest;
import com.tierdesk.tiering.ModelVersion;
import com.tierdesk.tiering.Segment;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The workbench's "start a run" form as entered: the as-of date, the model version ({@code id} for its latest,
 * {@code id:version} for one version), and the segment, lists written with commas or spaces.
 */
record RunForm(String asOf, String model, List<String> tiers, String codes, String industries, String regions,
        String owners, String tags, String reason) {

    RunForm {
        tiers = tiers == null ? List.of() : tiers;
    }

    /** As of today with the active model's latest version, for everybody. */
    static RunForm of(LocalDate today, String model) {
        return new RunForm(today.toString(), model, List.of(), "", "", "", "", "", "");
    }

    static String value(ModelVersion version) {
        return version.latest() ? Long.toString(version.modelId()) : version.modelId() + ":" + version.version();
    }

    /** The request to start; a date or model choice that cannot be read is refused with its field. */
    AssessmentRequest request() {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate date = null;
        try {
            date = LocalDate.parse(blankToEmpty(asOf).strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of("asOf", "problem.not-a-date", ApiProblems.echo(blankToEmpty(asOf)), "2026-03-31"));
        }
        Long modelId = null;
        Integer version = null;
        String chosen = blankToEmpty(model).strip();
        try {
            if (!chosen.isEmpty()) {
                String[] parts = chosen.split(":", 2);
                modelId = Long.valueOf(parts[0]);
                version = parts.length > 1 ? Integer.valueOf(parts[1]) : null;
            }
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of("modelId", "problem.run.no-model-version", ApiProblems.echo(chosen)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new AssessmentRequest(date, modelId, version,
                new Segment(tiers, list(codes), list(industries), list(regions), list(owners), list(tags)));
    }

    String note() {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    private static List<String> list(String text) {
        return Arrays.stream(blankToEmpty(text).split("[\\s,，;；、]+")).filter(value -> !value.isBlank()).toList();
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text;
    }
}
