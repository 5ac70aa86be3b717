package com.tierdesk.report.web;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.CustomerRef;
import com.tierdesk.customer.Customers;
import com.tierdesk.security.ConsoleAccess;
import com.tierdesk.security.Role;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.task.Task;
import com.tierdesk.task.TaskStatus;
import com.tierdesk.task.Tasks;
import com.tierdesk.tiering.Assessments;
import com.tierdesk.tiering.CustomerTiers;
import com.tierdesk.tiering.RunStatus;
import com.tierdesk.tiering.TierCatalog;
import com.tierdesk.tiering.TierOverride;
import com.tierdesk.tiering.TierOverrides;
import com.tierdesk.tiering.TieringTriggers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's home page, shaped by the reader's role: everybody their open tasks; agents their ticket queue
 * (which htmx loads from the ticket module); account managers their portfolio by tier with the customers at risk of
 * churning; supervisors the approval queue, the tier distribution and the latest triggers; administrators the state of background work
 * (scheduler tasks, failed runs, module events not completed yet). Each part reads its module's API only.
 */
@Controller
class DashboardController {

    static final int TASKS = 10;
    static final int QUEUE = 10;
    static final int TRIGGERS = 5;
    static final int FAILED_RUNS = 5;
    static final int SCHEDULED = 50;
    /** The publication states that mean a listener has not completed its work yet. */
    static final List<EventPublication.Status> INCOMPLETE = List.of(EventPublication.Status.PUBLISHED,
            EventPublication.Status.PROCESSING, EventPublication.Status.RESUBMITTED, EventPublication.Status.FAILED);

    private final Tasks tasks;
    private final Customers customers;
    private final Assessments assessments;
    private final TierOverrides overrides;
    private final CustomerTiers customerTiers;
    private final TierCatalog catalog;
    private final TieringTriggers triggers;
    private final Scheduler scheduler;
    private final EventPublicationRepository publications;
    private final BusinessTime time;

    DashboardController(Tasks tasks, Customers customers, Assessments assessments, TierOverrides overrides,
            CustomerTiers customerTiers, TierCatalog catalog, TieringTriggers triggers, Scheduler scheduler,
            EventPublicationRepository publications, BusinessTime time) {
        this.tasks = tasks;
        this.customers = customers;
        this.assessments = assessments;
        this.overrides = overrides;
        this.customerTiers = customerTiers;
        this.catalog = catalog;
        this.triggers = triggers;
        this.scheduler = scheduler;
        this.publications = publications;
        this.time = time;
    }

    /** An open task with the customer it is about. */
    record TaskRow(Task task, CustomerRef customer, boolean overdue) {
    }

    /** A tier with its name in the reader's language and how many customers hold it. */
    record TierCount(String code, String name, long customers, double percent) {
    }

    /** A task the scheduler holds: when it runs next, whether an instance is executing it, how it went lately. */
    record ScheduledWork(String task, String instance, Instant due, String pickedBy, int failures, Instant lastFailure,
            Instant lastSuccess) {

        static ScheduledWork of(ScheduledExecution<Object> execution) {
            return new ScheduledWork(execution.getTaskInstance().getTaskName(), execution.getTaskInstance().getId(),
                    execution.getExecutionTime(), execution.isPicked() ? execution.getPickedBy() : null,
                    execution.getConsecutiveFailures(), execution.getLastFailure(), execution.getLastSuccess());
        }
    }

    @GetMapping("/")
    String home(Authentication caller, Locale locale, Model model) {
        Role role = ConsoleAccess.role(caller).orElseThrow();
        Map<String, String> tierNames = catalog.names(locale);
        model.addAttribute("role", role);
        model.addAttribute("tierNames", tierNames);
        model.addAttribute("myTasks", myTasks(caller.getName()));
        if (role == Role.ACCOUNT_MANAGER) {
            var portfolio = customers.portfolio(caller.getName());
            model.addAttribute("portfolio", portfolio);
            model.addAttribute("portfolioTiers", counts(portfolio.byTier(), tierNames));
        }
        if (role.includes(Role.SUPERVISOR)) {
            model.addAttribute("awaitingRuns", assessments.list(List.of(RunStatus.AWAITING_APPROVAL), QUEUE));
            model.addAttribute("requestedOverrides", overrides.list(TierOverride.Status.REQUESTED, QUEUE));
            model.addAttribute("distribution", counts(customerTiers.distribution(), tierNames));
            model.addAttribute("pool", tasks.pool(QUEUE).size());
            model.addAttribute("triggers", triggers.recent(TRIGGERS));
        }
        if (role == Role.ADMIN) {
            model.addAttribute("scheduled", scheduler.getScheduledExecutions(ScheduledExecutionsFilter.all().limit(SCHEDULED))
                    .stream().map(ScheduledWork::of)
                    .sorted(Comparator.comparing((ScheduledWork work) -> work.failures() == 0)
                            .thenComparing(ScheduledWork::due))
                    .toList());
            model.addAttribute("failedRuns", assessments.list(List.of(RunStatus.FAILED), FAILED_RUNS));
            Map<EventPublication.Status, Integer> incomplete = new LinkedHashMap<>();
            INCOMPLETE.forEach(status -> incomplete.put(status, publications.countByStatus(status)));
            model.addAttribute("incompletePublications", incomplete);
            model.addAttribute("incompleteTotal", incomplete.values().stream().mapToInt(Integer::intValue).sum());
        }
        return "report/dashboard";
    }

    private List<TaskRow> myTasks(String owner) {
        List<Task> open = tasks.list(owner, TaskStatus.OPEN, TASKS);
        Map<CustomerId, CustomerRef> refs = customers.refs(open.stream().map(Task::customerId).filter(Objects::nonNull).toList());
        LocalDate today = time.today();
        return open.stream().map(task -> new TaskRow(task, task.customerId() == null ? null : refs.get(task.customerId()),
                task.overdue(today))).toList();
    }

    /** Every tier of the ladder, best first, then any tier off the ladder that customers still hold, with its share. */
    private static List<TierCount> counts(Map<String, Long> byTier, Map<String, String> names) {
        long total = byTier.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> ordered = new LinkedHashMap<>();
        names.keySet().forEach(code -> ordered.put(code, byTier.getOrDefault(code, 0L)));
        byTier.forEach(ordered::putIfAbsent);
        return ordered.entrySet().stream()
                .map(entry -> new TierCount(entry.getKey(), names.getOrDefault(entry.getKey(), entry.getKey()),
                        entry.getValue(), total == 0 ? 0 : 100.0 * entry.getValue() / total))
                .toList();
    }
}
