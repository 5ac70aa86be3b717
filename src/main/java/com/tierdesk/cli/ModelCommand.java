package com.tierdesk.cli;

import com.tierdesk.security.CommandLineActors;
import com.tierdesk.security.Role;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.tiering.ModelVersion;
import com.tierdesk.tiering.ScoringModels;
import com.tierdesk.tiering.scoring.ScoringModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "model", mixinStandardHelpOptions = true, resourceBundle = TierDeskCommand.HELP)
class ModelCommand implements Callable<Integer> {

    private final ScoringModels models;
    private final JsonMapper json;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", descriptionKey = "file")
    Path file;

    @Option(names = "--note")
    String note;

    @Option(names = "--activate")
    boolean activate;

    @Mixin
    ActingAccount by = new ActingAccount();

    private final CommandLineActors actors;
    private final CliText text;

    ModelCommand(ScoringModels models, JsonMapper json, CommandLineActors actors, CliText text) {
        this.text = text;
        this.models = models;
        this.json = json;
        this.actors = actors;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (by.admit(actors, Role.SUPERVISOR, spec, text).isEmpty()) {
            return ActingAccount.REFUSED;
        }
        try {
            ScoringModel model = json.readValue(Files.readString(file), ScoringModel.class);
            Optional<ModelVersion> existing = model == null || model.name() == null ? Optional.empty() : models.named(model.name());
            ModelVersion saved = existing.isPresent() ? models.update(existing.get().modelId(), model, null, note, by.name)
                    : models.create(model, note, by.name);
            if (activate) {
                models.activate(saved.modelId(), by.name);
            }
            out.println(text.text(activate ? "cli.model.saved-active" : "cli.model.saved", saved.modelId(), saved.version(),
                    saved.name().in(CliText.locale())));
            return 0;
        } catch (IOException | JacksonException e) {
            err.println(file + ": " + e.getMessage());
            return 2;
        } catch (InvalidInput e) {
            err.println(text.refusal(e));
            return 2;
        } catch (Conflict e) {
            err.println(text.refusal(e));
            return 2;
        }
    }
}
