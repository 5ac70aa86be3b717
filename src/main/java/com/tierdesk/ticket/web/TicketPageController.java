package com.tierdesk.ticket.web;

import com.tierdesk.customer.Customers;
import com.tierdesk.security.People;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.Refusal;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.SlaTrace;
import com.tierdesk.sla.TicketType;
import com.tierdesk.ticket.ComplaintStage;
import com.tierdesk.ticket.Complaints;
import com.tierdesk.ticket.FollowerDraft;
import com.tierdesk.ticket.IntakeChannel;
import com.tierdesk.ticket.MessageDraft;
import com.tierdesk.ticket.MessageKind;
import com.tierdesk.ticket.OriginalMessage;
import com.tierdesk.ticket.OriginalMessages;
import com.tierdesk.ticket.Requester;
import com.tierdesk.ticket.Returns;
import com.tierdesk.ticket.StatusPolicy;
import com.tierdesk.ticket.Ticket;
import com.tierdesk.ticket.TicketChange;
import com.tierdesk.ticket.TicketDetail;
import com.tierdesk.ticket.TicketDraft;
import com.tierdesk.ticket.TicketId;
import com.tierdesk.ticket.TicketSettings;
import com.tierdesk.ticket.TicketStatus;
import com.tierdesk.ticket.Tickets;
import com.tierdesk.tiering.CustomerTiers;
import com.tierdesk.tiering.TierCatalog;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The ticket page (customer and tier, conversation, timeline, the SLA clock of every target) with its forms, and the
 * new-ticket form for requests taken by phone. Every form carries the version it was read at: a form sent on a
 * version another change replaced shows the conflict beside the ticket as it is now, with what was typed kept.
 */
@Controller
@RequestMapping("/tickets")
@PreAuthorize("isAuthenticated()")
class TicketPageController {

    private static final String PAGE = "ticket/detail";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** What the forms of the page hold: as read, or as typed when a form comes back refused. */
    record Typed(String replyKind, String replyBody, String priority, String type, String tags, String assignee) {

        static Typed of(TicketDetail detail) {
            var ticket = detail.ticket();
            return new Typed(MessageKind.PUBLIC_REPLY.name(), "", ticket.priority().name(), ticket.type().name(),
                    String.join(", ", ticket.tags()), ticket.assignee() == null ? "" : ticket.assignee());
        }
    }

    /** The new-ticket form's values. */
    record NewTicket(String customer, String channel, String requesterName, String requesterPhone,
                     String requesterEmail, String requesterLanguage, String subject, String type, String priority,
                     String description, String tags, String assignee) {
    }

    private final Tickets tickets;
    private final Complaints complaints;
    private final Returns returns;
    private final Customers customers;
    private final CustomerTiers customerTiers;
    private final TierCatalog tiers;
    private final TimelineText timelineText;
    private final ProblemMessages problemMessages;
    private final BusinessTime time;
    private final People people;
    private final TicketSettings settings;
    private final ObjectProvider<OriginalMessages> originals;

    TicketPageController(Tickets tickets, Complaints complaints, Returns returns, Customers customers,
            CustomerTiers customerTiers, TierCatalog tiers, TimelineText timelineText, ProblemMessages problemMessages,
            BusinessTime time, People people, TicketSettings settings, ObjectProvider<OriginalMessages> originals) {
        this.returns = returns;
        this.originals = originals;
        this.people = people;
        this.settings = settings;
        this.tickets = tickets;
        this.complaints = complaints;
        this.customers = customers;
        this.customerTiers = customerTiers;
        this.tiers = tiers;
        this.timelineText = timelineText;
        this.problemMessages = problemMessages;
        this.time = time;
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Locale locale, Model model) {
        TicketDetail detail = read(id);
        return page(detail, Typed.of(detail), locale, model);
    }

    @PostMapping("/{id}/messages")
    String processReply(@PathVariable long id, @RequestParam long version,
            @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String body,
            Authentication caller, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        MessageKind chosen = kind.equals(MessageKind.INTERNAL_NOTE.name()) ? MessageKind.INTERNAL_NOTE
                : MessageKind.PUBLIC_REPLY;
        return act(id, () -> tickets.addMessage(TicketId.of(id), version, new MessageDraft(chosen, body),
                        caller.getName()).ticket(), "ticket.done." + chosen,
                typed -> new Typed(chosen.name(), body, typed.priority(), typed.type(), typed.tags(), typed.assignee()),
                locale, model, response, redirect);
    }

    @PostMapping("/{id}/status")
    String processStatus(@PathVariable long id, @RequestParam long version,
            @RequestParam(defaultValue = "") String status, Authentication caller, Locale locale, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, () -> tickets.changeStatus(TicketId.of(id), version, parse(TicketStatus.class, status),
                caller.getName()), "ticket.done.status", typed -> typed, locale, model, response, redirect);
    }

    @PostMapping("/{id}/changes")
    String processChange(@PathVariable long id, @RequestParam long version,
            @RequestParam(defaultValue = "") String priority, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String tags, Authentication caller, Locale locale, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var change = new TicketChange(parse(Priority.class, priority), parse(TicketType.class, type), tags(tags));
        return act(id, () -> tickets.change(TicketId.of(id), version, change, caller.getName()), "ticket.done.change",
                typed -> new Typed(typed.replyKind(), typed.replyBody(), priority, type, tags, typed.assignee()),
                locale, model, response, redirect);
    }

    @PostMapping("/{id}/assignee")
    String processReassignment(@PathVariable long id, @RequestParam long version,
            @RequestParam(defaultValue = "") String assignee, Authentication caller, Locale locale, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, () -> tickets.reassign(TicketId.of(id), version, assignee, caller.getName()),
                "ticket.done.assignee",
                typed -> new Typed(typed.replyKind(), typed.replyBody(), typed.priority(), typed.type(), typed.tags(),
                        assignee), locale, model, response, redirect);
    }

    @PostMapping("/{id}/assignment")
    String processAutomaticAssignment(@PathVariable long id, @RequestParam long version, Authentication caller,
            Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, () -> tickets.assignAutomatically(TicketId.of(id), version, caller.getName()),
                "ticket.done.assignment", typed -> typed, locale, model, response, redirect);
    }

    @PostMapping("/{id}/complaint/stages")
    String processComplaintStage(@PathVariable long id, @RequestParam long version,
            @RequestParam(defaultValue = "") String stage, @RequestParam(defaultValue = "") String body,
            Authentication caller, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, () -> complaints.recordStage(TicketId.of(id), version, parse(ComplaintStage.class, stage), body,
                caller.getName()), "ticket.done.complaint-stage", typed -> typed, locale, model, response, redirect);
    }

    @PostMapping("/{id}/complaint/complex")
    String processComplexFlag(@PathVariable long id, @RequestParam long version, Authentication caller,
            Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, () -> complaints.flagComplex(TicketId.of(id), version, caller.getName()),
                "ticket.done.complaint-complex", typed -> typed, locale, model, response, redirect);
    }

    @PostMapping("/{id}/complaint/escalation")
    String processEscalation(@PathVariable long id, @RequestParam long version, Authentication caller,
            Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, () -> complaints.escalate(TicketId.of(id), version, caller.getName()),
                "ticket.done.complaint-escalated", typed -> typed, locale, model, response, redirect);
    }

    /**
     * Copies an address on the ticket's conversation. htmx gets the followers' part again, with the refusal and what
     * was typed when it is refused (422, 409); a plain form the page.
     */
    @PostMapping("/{id}/followers")
    String processFollower(@PathVariable long id, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String name, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Authentication caller, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return changeFollowers(id, () -> tickets.addFollower(TicketId.of(id), new FollowerDraft(email, name),
                caller.getName()), "ticket.done.follower-added", new TypedFollower(email, name), htmx, locale, model,
                response, redirect);
    }

    @PostMapping("/{id}/followers/remove")
    String processFollowerRemoval(@PathVariable long id, @RequestParam(defaultValue = "") String email,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Authentication caller, Locale locale,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return changeFollowers(id, () -> tickets.removeFollower(TicketId.of(id), email, caller.getName()),
                "ticket.done.follower-removed", TypedFollower.NONE, htmx, locale, model, response, redirect);
    }

    /** The signed-in person follows the ticket on their console bell. */
    @PostMapping("/{id}/following")
    String processFollowing(@PathVariable long id, Authentication caller, RedirectAttributes redirect) {
        return following(id, () -> tickets.follow(TicketId.of(id), caller.getName()), "ticket.done.following",
                redirect);
    }

    @PostMapping("/{id}/following/remove")
    String processUnfollowing(@PathVariable long id, Authentication caller, RedirectAttributes redirect) {
        return following(id, () -> tickets.unfollow(TicketId.of(id), caller.getName()), "ticket.done.unfollowed",
                redirect);
    }

    private String following(long id, Runnable change, String done, RedirectAttributes redirect) {
        try {
            change.run();
        } catch (NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        redirect.addFlashAttribute("done", done);
        return "redirect:/tickets/" + id;
    }

    /**
     * The merge's confirm step: this ticket and the one typed, and whose SLA targets the target will keep (the older
     * request's: created first, the lower number on a tie). A number that names no ticket is refused here (422).
     */
    @GetMapping("/{id}/merge")
    String confirmMerge(@PathVariable long id, @RequestParam(defaultValue = "") String target, Model model,
            HttpServletResponse response) {
        return mergePage(read(id), target, model, response);
    }

    /** Merges this ticket into the target at both versions read, then shows the target; a refusal the confirm step. */
    @PostMapping("/{id}/merge")
    String processMerge(@PathVariable long id, @RequestParam long version,
            @RequestParam(defaultValue = "") String target, @RequestParam(defaultValue = "0") long targetVersion,
            Authentication caller, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            TicketDetail merged = tickets.merge(TicketId.of(id), version, number(target).map(TicketId::of)
                    .orElse(null), targetVersion, caller.getName());
            redirect.addFlashAttribute("done", "ticket.done.merged");
            return "redirect:/tickets/" + merged.ticket().id().value();
        } catch (Refusal e) {
            TicketDetail now = read(id);
            response.setStatus(e instanceof Conflict ? HttpStatus.CONFLICT.value()
                    : e instanceof NotFound ? HttpStatus.NOT_FOUND.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("stale", Tickets.STALE_VERSION.equals(e.problems().get(0).reason().code()));
            model.addAttribute("problems", problemMessages.show(e.problems()));
            return mergePage(now, target, model, null);
        }
    }

    @GetMapping("/new")
    String initCreationForm(@RequestParam(defaultValue = "") String customer, Authentication caller, Model model) {
        return creationForm(new NewTicket(customer, IntakeChannel.PHONE.name(), "", "", "", settings.defaultLanguage(),
                "", TicketType.INQUIRY.name(), Priority.NORMAL.name(), "", "", caller.getName()), model);
    }

    @PostMapping
    String processCreationForm(NewTicket form, Authentication caller, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var draft = new TicketDraft(parse(IntakeChannel.class, form.channel()), form.customer(),
                new Requester(form.requesterName(), form.requesterEmail(), form.requesterPhone(),
                        form.requesterLanguage()), form.subject(),
                parse(TicketType.class, form.type()), parse(Priority.class, form.priority()), form.description(),
                tags(form.tags()), List.of(), form.assignee());
        try {
            TicketDetail created = tickets.create(draft, null, caller.getName()).ticket();
            redirect.addFlashAttribute("done", "ticket.done.created");
            return "redirect:/tickets/" + created.ticket().id().value();
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problems", problemMessages.show(e.problems()));
            return creationForm(form, model);
        }
    }

    /**
     * Runs a form's change: redirects to the page with what was done, or shows the page again as the ticket is now
     * with the refusal and the form as typed (409 for a conflict, a stale version included; 422 for bad input).
     */
    private String act(long id, Supplier<TicketDetail> change, String done,
            UnaryOperator<Typed> keepTyped, Locale locale, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            change.get();
            redirect.addFlashAttribute("done", done);
            return "redirect:/tickets/" + id;
        } catch (NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (Refusal e) {
            response.setStatus(e instanceof Conflict ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("stale", Tickets.STALE_VERSION.equals(e.problems().get(0).reason().code()));
            model.addAttribute("problems", problemMessages.show(e.problems()));
            TicketDetail now = read(id);
            return page(now, keepTyped.apply(Typed.of(now)), locale, model);
        }
    }

    /** The follower form as typed. */
    record TypedFollower(String email, String name) {

        static final TypedFollower NONE = new TypedFollower("", "");
    }

    private String changeFollowers(long id, Runnable change, String done, TypedFollower typed, String htmx,
            Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        TicketDetail detail = read(id);
        try {
            change.run();
        } catch (Refusal e) {
            response.setStatus(e instanceof Conflict ? HttpStatus.CONFLICT.value()
                    : e instanceof NotFound ? HttpStatus.NOT_FOUND.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("followerProblems", problemMessages.show(e.problems()));
            if (htmx == null) {
                model.addAttribute("typedFollower", typed);
                return page(detail, Typed.of(detail), locale, model);
            }
            return followers(detail, typed, model);
        }
        if (htmx == null) {
            redirect.addFlashAttribute("done", done);
            return "redirect:/tickets/" + id;
        }
        model.addAttribute("followerDone", done);
        return followers(detail, TypedFollower.NONE, model);
    }

    private String followers(TicketDetail detail, TypedFollower typed, Model model) {
        model.addAttribute("t", detail.ticket());
        model.addAttribute("followers", tickets.followers(detail.ticket().id()));
        model.addAttribute("typedFollower", typed);
        return "ticket/parts :: followers";
    }

    private String page(TicketDetail detail, Typed typed, Locale locale, Model model) {
        var ticket = detail.ticket();
        ZoneId zone = time.zone();
        SlaTrace trace = tickets.trace(ticket.id());
        model.addAttribute("detail", detail);
        model.addAttribute("t", ticket);
        model.addAttribute("typed", typed);
        model.addAttribute("customer", customers.find(ticket.customerId()).orElse(null));
        model.addAttribute("currentTier", customerTiers.current(ticket.customerId()).orElse(null));
        model.addAttribute("rma", returns.onTicket(ticket.id()).orElse(null));
        model.addAttribute("tierNames", tiers.names(locale));
        model.addAttribute("timeline", detail.timeline().stream()
                .map(entry -> new TimelineLine(entry.at(), entry.actor(), timelineText.text(entry, locale))).toList());
        model.addAttribute("clocks", trace.targets());
        model.addAttribute("followers", tickets.followers(ticket.id()));
        model.addAttribute("accountFollowers", tickets.accountFollowers(ticket.id()));
        model.addAttribute("mergedInto", tickets.mergedInto(ticket.id()).orElse(null));
        if (!model.containsAttribute("typedFollower")) {
            model.addAttribute("typedFollower", TypedFollower.NONE);
        }
        model.addAttribute("originals", originals(ticket.id()));
        model.addAttribute("replayUrl", replayUrl(detail, zone));
        model.addAttribute("moves", Arrays.stream(TicketStatus.values())
                .filter(to -> StatusPolicy.refusal(ticket.status(), to).isEmpty()).toList());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("types", TicketType.values());
        return PAGE;
    }

    /**
     * The originals the channels keep of the ticket's messages, by message id. Their HTML is cleaned here once more
     * with the same allow-list, since the page writes it as markup and trusts no channel with that.
     */
    private Map<Long, OriginalMessage> originals(TicketId id) {
        var shown = new HashMap<Long, OriginalMessage>();
        originals.orderedStream().forEach(channel -> channel.of(id).forEach((message, original) ->
                shown.put(message, new OriginalMessage(original.messageId(), original.text(),
                        original.html() == null ? null : Jsoup.clean(original.html(), Safelist.basic()),
                        original.quoted(), original.attachments()))));
        return shown;
    }

    /** A timeline entry worded. */
    record TimelineLine(Instant at, String actor, String text) {
    }

    /** The SLA console's clock replay of this ticket's history, to see every step of its deadlines. */
    private String replayUrl(TicketDetail detail, ZoneId zone) {
        String history = tickets.clockHistory(detail.ticket().id()).stream()
                .map(event -> LOCAL.format(event.at().atZone(zone)) + " " + event.kind()
                        + (event.tier() == null ? "" : " " + event.tier()))
                .collect(Collectors.joining("\n"));
        return UriComponentsBuilder.fromPath("/sla/clocks").queryParam("type", detail.ticket().type())
                .queryParam("priority", detail.ticket().priority())
                .queryParam("channel", detail.ticket().channel().sla())
                .queryParam("version", detail.ticket().policyVersion()).queryParam("history", history)
                .encode().build().toUriString();
    }

    private String creationForm(NewTicket form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("channels", IntakeChannel.values());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("languages", people.languages());
        return "ticket/new";
    }

    private TicketDetail read(long id) {
        try {
            return tickets.get(TicketId.of(id));
        } catch (NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    /** The confirm step as the tickets are now; {@code response} null when the status is already set. */
    private String mergePage(TicketDetail duplicate, String typedTarget, Model model, HttpServletResponse response) {
        Ticket ticket = duplicate.ticket();
        model.addAttribute("t", ticket);
        model.addAttribute("typedTarget", typedTarget);
        Optional<Ticket> target = number(typedTarget).flatMap(value -> {
            try {
                return Optional.of(tickets.get(TicketId.of(value)).ticket());
            } catch (NotFound e) {
                return Optional.empty();
            }
        });
        if (target.isEmpty() && response != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problems", problemMessages.show(List.of(typedTarget.isBlank()
                    ? FieldProblem.of("target", "problem.required")
                    : FieldProblem.of("target", "problem.ticket.merge-unknown-target", typedTarget.strip()))));
        }
        model.addAttribute("target", target.orElse(null));
        model.addAttribute("older", target.map(other -> older(ticket, other)).orElse(null));
        return "ticket/merge";
    }

    /** The older request of two: created first, the lower number on a tie (as {@link Tickets#merge} decides). */
    private static Ticket older(Ticket one, Ticket other) {
        int byTime = one.createdAt().compareTo(other.createdAt());
        return byTime < 0 || byTime == 0 && one.id().value() < other.id().value() ? one : other;
    }

    private static Optional<Long> number(String typed) {
        try {
            return Optional.of(Long.parseLong(typed.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Tags typed as one line, separated by commas. */
    private static List<String> tags(String typed) {
        if (typed == null) {
            return List.of();
        }
        return Arrays.stream(typed.split("[,，]")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value)).findFirst()
                .orElse(null);
    }
}
