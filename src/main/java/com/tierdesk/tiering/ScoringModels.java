package com.tierdesk.tiering;

import com.tierdesk.security.AuditLog;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.Label;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.TextRules;
import com.tierdesk.tiering.internal.ModelStore.StoredVersion;
import com.tierdesk.tiering.internal.ModelStore;
import com.tierdesk.tiering.scoring.ModelPresets;
import com.tierdesk.tiering.scoring.ScoringModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scoring models as versioned data: every edit adds a version and runs name the version they used, so old
 * runs keep theirs. One model is active: cadence and trigger runs use its latest version. On an empty
 * database the presets (docs/tiering.md) are installed and the default one is made active.
 */
@Service
@Transactional(readOnly = true)
public class ScoringModels implements SmartInitializingSingleton {

    static final String SYSTEM = "system";
    /** The longest definition and note the versions' columns hold. */
    static final int MAX_DEFINITION = 60_000;
    static final int MAX_NOTE = 500;

    private final ModelStore store;
    private final TierCatalog tiers;
    private final JsonMapper json;
    private final AuditLog audit;
    private final BusinessTime time;

    ScoringModels(ModelStore store, TierCatalog tiers, JsonMapper json, AuditLog audit, BusinessTime time) {
        this.store = store;
        this.tiers = tiers;
        this.json = json;
        this.audit = audit;
        this.time = time;
    }

    /** Installs the shipped presets, the default one active, unless models exist; safe with several instances. */
    @Override
    @Transactional
    public void afterSingletonsInstantiated() {
        if (!store.empty()) {
            return;
        }
        try {
            for (ScoringModel preset : ModelPresets.all()) {
                long id = store.createModel(preset.name(), SYSTEM, time.now());
                store.addVersion(id, json.writeValueAsString(preset), ModelVersion.PRESET_NOTE, SYSTEM, time.now());
                if (preset.name().equals(ModelPresets.DEFAULT)) {
                    store.activate(id);
                }
            }
        } catch (DuplicateKeyException installedConcurrently) {
            // another instance installed them at the same moment
        }
    }

    public List<ScoringModel> presets() {
        return ModelPresets.all();
    }

    public List<ModelVersion> list() {
        return store.latestOfEach().stream().map(this::toVersion).toList();
    }

    /**
     * The model that has one of these names, in either language: a model is looked up by its name in the language it
     * is typed in, and no two models share a name in any language.
     */
    public Optional<ModelVersion> named(Label name) {
        return store.idsNamed(name).stream().findFirst().map(this::get);
    }

    public ModelVersion get(long modelId) {
        return store.latest(modelId).map(this::toVersion).orElseThrow(() -> unknown(modelId));
    }

    public ModelVersion get(long modelId, int version) {
        return store.version(modelId, version).map(this::toVersion)
                .orElseThrow(() -> new NotFound("version", "problem.no-model-version", modelId, version));
    }

    public List<ModelVersion> versions(long modelId) {
        List<ModelVersion> versions = store.versions(modelId).stream().map(this::toVersion).toList();
        if (versions.isEmpty()) {
            throw unknown(modelId);
        }
        return versions;
    }

    /** The model cadence and trigger runs use. */
    public ModelVersion active() {
        long id = store.activeModelId().orElseThrow(() -> new Conflict("model", "problem.model.none-active"));
        return get(id);
    }

    /** Every problem of the definition against the tier ladder; empty when it can be saved. */
    public List<FieldProblem> validate(ScoringModel model) {
        if (model == null) {
            return List.of(FieldProblem.of("definition", "problem.model.definition-required"));
        }
        List<FieldProblem> problems = new ArrayList<>(model.problems(tiers.codes()));
        if (problems.isEmpty()) {
            int length = json.writeValueAsString(model).length();
            if (length > MAX_DEFINITION) {
                problems.add(FieldProblem.of("definition", "problem.model.too-long", length, MAX_DEFINITION));
            }
        }
        return problems;
    }

    @Transactional
    public ModelVersion create(ScoringModel model, String note, String by) {
        requireValid(model, note);
        requireNameFree(model.name(), null);
        long id = store.createModel(model.name(), by, time.now());
        store.addVersion(id, json.writeValueAsString(model), kept(note), by, time.now());
        audit.record(by, "MODEL_CREATED", "model " + id, auditName(model.name()));
        return get(id);
    }

    /**
     * Saves the definition as the model's next version. {@code basedOnVersion}, when given, must still be the
     * latest: an edit made on an older version would silently undo someone else's.
     */
    @Transactional
    public ModelVersion update(long modelId, ScoringModel model, Integer basedOnVersion, String note, String by) {
        ModelVersion latest = get(modelId);
        if (basedOnVersion != null && basedOnVersion != latest.version()) {
            throw new Conflict("basedOnVersion", "problem.model.changed", basedOnVersion, latest.version());
        }
        requireValid(model, note);
        if (!model.name().equals(latest.name())) {
            requireNameFree(model.name(), modelId);
            store.rename(modelId, model.name());
        }
        try {
            int version = store.addVersion(modelId, json.writeValueAsString(model), kept(note), by, time.now());
            audit.record(by, "MODEL_VERSION_ADDED", "model " + modelId, "version " + version
                    + (kept(note) == null ? "" : ": " + kept(note)));
            return get(modelId, version);
        } catch (DuplicateKeyException e) {
            throw new Conflict("basedOnVersion", "problem.model.changed-concurrently");
        }
    }

    @Transactional
    public ModelVersion activate(long modelId, String by) {
        ModelVersion model = get(modelId);
        store.activate(modelId);
        audit.record(by, "MODEL_ACTIVATED", "model " + modelId, auditName(model.name()));
        return get(modelId);
    }

    ScoringModel parse(String definition) {
        return json.readValue(definition, ScoringModel.class);
    }

    private void requireValid(ScoringModel model, String note) {
        List<FieldProblem> problems = new ArrayList<>(validate(model));
        TextRules.multiline(note, MAX_NOTE).ifPresent(reason -> problems.add(new FieldProblem("note", reason)));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    private static String kept(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }

    private ModelVersion toVersion(StoredVersion stored) {
        return new ModelVersion(stored.modelId(), stored.version(), parse(stored.definition()), stored.note(),
                stored.createdAt(), stored.createdBy(), stored.latest(), stored.active());
    }

    /**
     * A model's names, in either language, may not be another model's names in either language, so that a name
     * finds one model whatever the language it is typed in.
     */
    private void requireNameFree(Label name, Long modelId) {
        store.idsNamed(name).stream().filter(id -> !id.equals(modelId)).findFirst().ifPresent(taken -> {
            throw duplicateName(name);
        });
    }

    /** The audit trail keeps both names as one text. */
    private static String auditName(Label name) {
        return name.zh() == null || name.zh().equals(name.en()) ? name.en()
                : name.en() == null ? name.zh() : name.zh() + " / " + name.en();
    }

    private static NotFound unknown(long modelId) {
        return new NotFound("id", "problem.no-model", modelId);
    }

    private static Conflict duplicateName(Label name) {
        return new Conflict("name", "problem.model.name-taken", auditName(name));
    }
}
