package com.tierdesk.cli;

import com.tierdesk.customer.ActivityRefresh;
import com.tierdesk.customer.CustomerActivity;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "activity", mixinStandardHelpOptions = true, resourceBundle = TierDeskCommand.HELP)
class ActivityCommand implements Callable<Integer> {

    private final CustomerActivity activity;
    private final CliText text;

    @Spec
    CommandSpec spec;

    @Option(names = "--rebuild", descriptionKey = "rebuild")
    boolean rebuild;

    ActivityCommand(CustomerActivity activity, CliText text) {
        this.activity = activity;
        this.text = text;
    }

    @Override
    public Integer call() {
        ActivityRefresh done = rebuild ? activity.rebuild() : activity.refresh();
        String seconds = String.format(Locale.ROOT, "%.2f", done.took().toNanos() / 1e9);
        String key = done.rebuilt() ? "cli.activity.rebuilt" : done.rolledOver() ? "cli.activity.rolled-over"
                : done.changedCustomers() > 0 ? "cli.activity.changes" : "cli.activity.current";
        spec.commandLine().getOut().println(text.text(key, done.changedCustomers(), done.written(), seconds,
                activity.window(activity.today()).month()));
        return 0;
    }
}
