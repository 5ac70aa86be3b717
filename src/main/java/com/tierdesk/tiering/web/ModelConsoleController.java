package com.tierdesk.tiering.web;

import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.Label;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.tiering.ModelVersion;
import com.tierdesk.tiering.ScoringModels;
import com.tierdesk.tiering.scoring.Metric;
import com.tierdesk.tiering.scoring.ScoringModel;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scoring models: the list, one version's dimensions, indicators and tier policy, and for supervisors the JSON
 * editor (validate without saving, save as a new version, start from a preset) and activation.
 */
@Controller
@RequestMapping("/tiering/models")
@PreAuthorize("isAuthenticated()")
class ModelConsoleController {

    private static final String EDITOR = "tiering/model-edit";

    private final ScoringModels models;
    private final JsonMapper json;
    private final ProblemMessages problemMessages;
    private final MessageSource messages;

    ModelConsoleController(ScoringModels models, JsonMapper json, ProblemMessages problemMessages, MessageSource messages) {
        this.problemMessages = problemMessages;
        this.messages = messages;
        this.models = models;
        this.json = json;
    }

    /** The editor's form: the definition as JSON text, why it changed, and the version the edit was made from. */
    record ModelForm(String definition, String note, Integer basedOnVersion) {
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("models", models.list());
        model.addAttribute("presets", models.presets());
        return "tiering/models";
    }

    @GetMapping("/{id}")
    String model(@PathVariable long id, Model model, Locale locale) {
        return page(models.get(id), model, locale);
    }

    @GetMapping("/{id}/versions/{version}")
    String version(@PathVariable long id, @PathVariable int version, Model model, Locale locale) {
        return page(models.get(id, version), model, locale);
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String initNewModelForm(@RequestParam(defaultValue = "0") int preset, Model model) {
        List<ScoringModel> presets = models.presets();
        if (preset < 0 || preset >= presets.size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no preset " + preset);
        }
        ScoringModel chosen = presets.get(preset);
        ScoringModel copy = new ScoringModel(copyName(chosen.name()), chosen.description(), chosen.dimensions(),
                chosen.rules(), chosen.tierPolicy());
        return editor(null, new ModelForm(pretty(copy), "", null), model);
    }

    @PostMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processNewModelForm(@ModelAttribute("form") ModelForm form, Authentication caller, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return save(null, form, definition -> models.create(definition, note(form), caller.getName()), model, redirect,
                response);
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String initEditForm(@PathVariable long id, Model model) {
        ModelVersion latest = models.get(id);
        return editor(latest, new ModelForm(pretty(latest.definition()), "", latest.version()), model);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processEditForm(@PathVariable long id, @ModelAttribute("form") ModelForm form, Authentication caller,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ModelVersion editing = models.get(id);
        return save(editing, form, definition -> models.update(id, definition, form.basedOnVersion(), note(form),
                caller.getName()), model, redirect, response);
    }

    /** Checks the definition without saving it; htmx puts the answer under the editor. */
    @PostMapping("/validate")
    String validate(@RequestParam(defaultValue = "") String definition, Model model) {
        List<FieldProblem> problems = new ArrayList<>();
        ScoringModel parsed = parse(definition, problems);
        if (parsed != null) {
            problems.addAll(models.validate(parsed));
        }
        model.addAttribute("validated", problemMessages.show(problems));
        return EDITOR + " :: validation";
    }

    @PostMapping("/{id}/activate")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processActivation(@PathVariable long id, Authentication caller, RedirectAttributes redirect) {
        models.activate(id, caller.getName());
        redirect.addFlashAttribute("activated", true);
        return "redirect:/tiering/models/" + id;
    }

    private String save(ModelVersion editing, ModelForm form, Function<ScoringModel, ModelVersion> saving, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        List<FieldProblem> problems = new ArrayList<>();
        ScoringModel definition = parse(form.definition(), problems);
        if (definition != null) {
            try {
                ModelVersion saved = saving.apply(definition);
                redirect.addFlashAttribute("saved", saved.version());
                return "redirect:/tiering/models/" + saved.modelId();
            } catch (InvalidInput e) {
                problems.addAll(e.problems());
            } catch (Conflict e) {
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("conflict", problemMessages.text(e));
            }
        }
        model.addAttribute("problems", problemMessages.show(problems));
        return editor(editing, form, model);
    }

    private String page(ModelVersion version, Model model, Locale locale) {
        model.addAttribute("view", ModelView.of(version, locale));
        model.addAttribute("versions", models.versions(version.modelId()));
        return "tiering/model";
    }

    private String editor(ModelVersion editing, ModelForm form, Model model) {
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("metrics", Metric.values());
        return EDITOR;
    }

    private ScoringModel parse(String definition, List<FieldProblem> problems) {
        if (definition == null || definition.isBlank()) {
            problems.add(FieldProblem.of("definition", "problem.model.empty"));
            return null;
        }
        try {
            ScoringModel model = json.readValue(definition, ScoringModel.class);
            if (model == null) {
                problems.addAll(models.validate(null));
            }
            return model;
        } catch (JacksonException e) {
            FieldProblem error = ApiProblems.readingError(e);
            problems.add(e.getLocation() == null ? error : FieldProblem.of(error.field(), "problem.json.at", error.reason(),
                    e.getLocation().getLineNr(), e.getLocation().getColumnNr()));
            return null;
        }
    }

    /** A copy's name in each language, so that it never takes the preset's own name in either. */
    private Label copyName(Label name) {
        return new Label(name.zh() == null ? null : messages.getMessage("tiering.model.copyOf", new Object[] {name.zh()}, Locale.SIMPLIFIED_CHINESE),
                name.en() == null ? null : messages.getMessage("tiering.model.copyOf", new Object[] {name.en()}, Locale.ENGLISH));
    }

    private String pretty(ScoringModel definition) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(definition);
    }

    private static String note(ModelForm form) {
        return form.note() == null || form.note().isBlank() ? null : form.note().strip();
    }
}
