package com.tierdesk.tiering.web;

import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.ShownProblem;
import com.tierdesk.tiering.ModelVersion;
import com.tierdesk.tiering.ScoringModels;
import com.tierdesk.tiering.Tier;
import com.tierdesk.tiering.TierCatalog;
import com.tierdesk.tiering.scoring.Metric;
import com.tierdesk.tiering.scoring.ScoringModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tiering")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Scoring models", description = "Scoring models as versioned data: dimensions, indicators, tier policy")
class ModelApiController {

    private final ScoringModels models;
    private final TierCatalog tiers;
    private final ProblemMessages problemMessages;

    ModelApiController(ScoringModels models, TierCatalog tiers, ProblemMessages problemMessages) {
        this.problemMessages = problemMessages;
        this.models = models;
        this.tiers = tiers;
    }

    /** A model definition to save, why, and (for an edit) the version it was made from. */
    record ModelRequest(ScoringModel definition, String note, Integer basedOnVersion) {
    }

    record Validation(boolean valid, List<ShownProblem> errors) {
    }

    record MetricInfo(String key, Metric.Unit unit) {
    }

    /** A rung of the ladder as a replacement gives it: its rank is its place in the list. */
    record LadderTier(String code, String nameZh, String nameEn) {
    }

    @GetMapping("/models")
    @Operation(summary = "Every model's latest version, with the active one marked")
    List<ModelVersion> list() {
        return models.list();
    }

    @GetMapping("/models/{id}")
    @Operation(summary = "A model's latest version")
    ModelVersion get(@PathVariable long id) {
        return models.get(id);
    }

    @GetMapping("/models/{id}/versions")
    @Operation(summary = "Every version of a model, newest first; runs name the version they used")
    List<ModelVersion> versions(@PathVariable long id) {
        return models.versions(id);
    }

    @GetMapping("/models/{id}/versions/{version}")
    @Operation(summary = "One version of a model")
    ModelVersion version(@PathVariable long id, @PathVariable int version) {
        return models.get(id, version);
    }

    @PostMapping("/models")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Create a model", description = "The definition: name, description, dimensions (weight in "
            + "percent, indicators with metric, normalisation BREAKPOINTS / PERCENTILE_RANK / LOG_SCALE, direction and "
            + "weight) or rules (for RULES grading), and the tier policy. 422 lists every problem with its field path.")
    ResponseEntity<ModelVersion> create(@RequestBody ModelRequest request, Authentication caller) {
        ModelVersion created = models.create(request.definition(), request.note(), caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/tiering/models/" + created.modelId())).body(created);
    }

    @PutMapping("/models/{id}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Save a new version of a model", description = "Older versions stay as they were; runs keep "
            + "theirs. With basedOnVersion, 409 if somebody saved a newer version meanwhile.")
    ModelVersion update(@PathVariable long id, @RequestBody ModelRequest request, Authentication caller) {
        return models.update(id, request.definition(), request.basedOnVersion(), request.note(), caller.getName());
    }

    @PostMapping("/models/validate")
    @Operation(summary = "Check a definition without saving it")
    Validation validate(@RequestBody ScoringModel definition, HttpServletRequest request) {
        List<FieldProblem> problems = models.validate(definition);
        return new Validation(problems.isEmpty(), problemMessages.show(problems, ProblemMessages.apiLocale(request)));
    }

    @PostMapping("/models/{id}/activate")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Make the model the one cadence and trigger runs use")
    ModelVersion activate(@PathVariable long id, Authentication caller) {
        return models.activate(id, caller.getName());
    }

    @GetMapping("/presets")
    @Operation(summary = "The shipped models (docs/tiering.md): Value / Potential / Loyalty, the RFM scorecard, simple rules")
    List<ScoringModel> presets() {
        return models.presets();
    }

    @GetMapping("/tiers")
    @Operation(summary = "The tier ladder, best tier first, with the tiers' names")
    List<Tier> tiers() {
        return tiers.tiers();
    }

    @PutMapping("/tiers")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replace the tier ladder (names, count, order)", description = "Codes are capital letters; "
            + "a tier customers hold cannot be removed (409). Models must then list the new ladder in their tier policy.")
    List<Tier> replaceTiers(@RequestBody List<LadderTier> ladder, Authentication caller) {
        List<Tier> ranked = new ArrayList<>();
        for (int i = 0; i < ladder.size(); i++) {
            LadderTier tier = ladder.get(i);
            ranked.add(tier == null ? null : new Tier(tier.code(), i + 1, tier.nameZh(), tier.nameEn()));
        }
        return tiers.replace(ranked, caller.getName());
    }

    @GetMapping("/metrics")
    @Operation(summary = "The metrics a model can use; docs/metrics.md gives their formulas")
    List<MetricInfo> metrics() {
        return Arrays.stream(Metric.values()).map(metric -> new MetricInfo(metric.key(), metric.unit())).toList();
    }
}
