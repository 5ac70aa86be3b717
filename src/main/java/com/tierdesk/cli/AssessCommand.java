package com.tierdesk.cli;

import com.tierdesk.security.CommandLineActors;
import com.tierdesk.security.Role;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.tiering.AssessmentRequest;
import com.tierdesk.tiering.AssessmentRun;
import com.tierdesk.tiering.Assessments;
import com.tierdesk.tiering.Segment;
import com.tierdesk.tiering.TriggerKind;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "assess", mixinStandardHelpOptions = true, resourceBundle = TierDeskCommand.HELP)
class AssessCommand implements Callable<Integer> {

    private final Assessments assessments;
    private final RunReport report;
    private final CommandLineActors actors;
    private final CliText text;

    @Spec
    CommandSpec spec;

    @Option(names = "--as-of", required = true)
    LocalDate asOf;

    @Option(names = "--model")
    String model;

    @Option(names = "--segment")
    List<String> segment = new ArrayList<>();

    /** Who starts the run: a supervisor, who cannot then approve it in any other way either. */
    @Mixin
    ActingAccount by = new ActingAccount();

    @Option(names = "--lang")
    String language;

    AssessCommand(Assessments assessments, RunReport report, CommandLineActors actors, CliText text) {
        this.text = text;
        this.assessments = assessments;
        this.report = report;
        this.actors = actors;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (by.admit(actors, Role.SUPERVISOR, spec, text).isEmpty()) {
            return ActingAccount.REFUSED;
        }
        AssessmentRequest request;
        try {
            request = new AssessmentRequest(asOf, modelId(), modelVersion(), segment());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        var progress = new ProgressLine(System.err, text.text("cli.assess.progress"));
        AssessmentRun run;
        try {
            run = assessments.run(request, TriggerKind.COMMAND_LINE, null, by.name,
                    (stage, done, total) -> progress.update(done, total, text.text("tiering.stage." + stage)));
        } catch (InvalidInput e) {
            System.err.println();
            err.println(text.refusal(e));
            return 2;
        }
        System.err.println();
        report.print(out, run, language == null ? Locale.getDefault() : Locale.forLanguageTag(language));
        return run.error() == null ? 0 : 1;
    }

    private Long modelId() {
        try {
            return model == null ? null : Long.valueOf(model.split(":")[0].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text.text("cli.assess.model-format", model), e);
        }
    }

    private Integer modelVersion() {
        try {
            return model == null || !model.contains(":") ? null : Integer.valueOf(model.split(":")[1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text.text("cli.assess.model-format", model), e);
        }
    }

    private Segment segment() {
        List<String> tiers = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<String> industries = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (String criterion : segment) {
            int equals = criterion.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("--segment " + criterion + ": " + text.text("cli.assess.segment-pair"));
            }
            List<String> values = List.of(criterion.substring(equals + 1).split(","));
            switch (criterion.substring(0, equals).strip().toLowerCase(Locale.ROOT)) {
                case "tier" -> tiers.addAll(values);
                case "code" -> codes.addAll(values);
                case "industry" -> industries.addAll(values);
                case "region" -> regions.addAll(values);
                case "owner" -> owners.addAll(values);
                case "tag" -> tags.addAll(values);
                default -> throw new IllegalArgumentException("--segment " + criterion + ": "
                        + text.text("cli.assess.segment-unknown", "tier, code, industry, region, owner, tag"));
            }
        }
        return new Segment(tiers, codes, industries, regions, owners, tags);
    }
}
