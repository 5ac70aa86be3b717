package com.tierdesk.sla.web;

import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.sla.BusinessCalendar;
import com.tierdesk.sla.CalendarDraft;
import com.tierdesk.sla.HolidayFormat;
import com.tierdesk.sla.HolidayImport;
import com.tierdesk.sla.SlaCalendars;
import com.tierdesk.sla.internal.SlaInputs;
import java.io.IOException;
import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's business calendars: the list, a new calendar, and one calendar's page with its weekly hours,
 * holiday import and export, and a year view marking holidays and make-up days. Supervisors get the forms; every
 * other role reads the hours as text. Public holidays are offered for the calendar's own country first.
 */
@Controller
@RequestMapping("/sla/calendars")
@PreAuthorize("isAuthenticated()")
class CalendarConsoleController {

    private static final String LIST = "sla/calendars";
    private static final String PAGE = "sla/calendar";

    private final SlaCalendars calendars;
    private final BusinessTime time;
    private final ProblemMessages problemMessages;

    CalendarConsoleController(SlaCalendars calendars, BusinessTime time, ProblemMessages problemMessages) {
        this.problemMessages = problemMessages;
        this.calendars = calendars;
        this.time = time;
    }

    @GetMapping
    String list(Authentication caller, Model model) {
        model.addAttribute("calendars", calendars.list().stream().map(CalendarView::of).toList());
        model.addAttribute("editable", SlaEditors.mayEdit(caller));
        return LIST;
    }

    @PostMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processNewCalendarForm(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "business") String copyFrom, Authentication caller, Model model,
            RedirectAttributes redirect) {
        try {
            calendars.createFrom(code, name, copyFrom, caller.getName());
        } catch (InvalidInput e) {
            model.addAttribute("problems", problemMessages.show(e.problems()));
            return list(caller, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/sla/calendars/" + code.strip();
    }

    @GetMapping("/{code}")
    String initCalendarForm(@PathVariable String code, @RequestParam(required = false) Integer year,
            Authentication caller, Locale locale, Model model) {
        BusinessCalendar calendar = calendars.get(code);
        return page(calendar, year, CalendarDraft.of(calendar), List.of(), SlaEditors.mayEdit(caller), locale, model);
    }

    @PostMapping("/{code}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processCalendarForm(@PathVariable String code, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String zone, @RequestParam(defaultValue = "") String country,
            @RequestParam Map<String, String> form, Authentication caller, Locale locale, Model model,
            RedirectAttributes redirect) {
        var hours = new LinkedHashMap<String, String>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day.name(), form.getOrDefault("hours." + day.name(), ""));
        }
        var draft = new CalendarDraft(code, name, zone, country, hours);
        try {
            calendars.save(draft, caller.getName());
        } catch (InvalidInput e) {
            model.addAttribute("problems", problemMessages.show(e.problems()));
            return page(calendars.get(code), null, draft, e.problems(), true, locale, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/sla/calendars/" + code;
    }

    @PostMapping("/{code}/import")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processImportForm(@PathVariable String code, @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String source, Authentication caller, Locale locale, Model model,
            RedirectAttributes redirect) throws IOException {
        BusinessCalendar calendar = calendars.get(code);
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInput.of("file", "problem.calendar.choose-file");
            }
            String name = HolidayUpload.fileName(file);
            HolidayFormat format = HolidayFormat.of(name)
                    .orElseThrow(() -> InvalidInput.of("file", "problem.calendar.file-name"));
            HolidayImport result = calendars.importHolidays(code, format, HolidayUpload.text(file),
                    source.isBlank() ? name : source, caller.getName());
            redirect.addFlashAttribute("imported", result);
            return "redirect:/sla/calendars/" + code + "?year=" + result.years().get(0).year();
        } catch (InvalidInput e) {
            model.addAttribute("importProblems", problemMessages.show(e.problems()));
            return page(calendar, null, CalendarDraft.of(calendar), List.of(), true, locale, model);
        }
    }

    @PostMapping("/{code}/public-holidays")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processPublicHolidayForm(@PathVariable String code, @RequestParam(defaultValue = "") String country,
            @RequestParam(defaultValue = "0") int year, Locale locale, Authentication caller, Model model,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("imported", calendars.importPublicHolidays(code, country, year, locale,
                    caller.getName()));
            return "redirect:/sla/calendars/" + code + "?year=" + year;
        } catch (InvalidInput e) {
            BusinessCalendar calendar = calendars.get(code);
            model.addAttribute("importProblems", problemMessages.show(e.problems()));
            return page(calendar, null, CalendarDraft.of(calendar), List.of(), true, locale, model);
        }
    }

    @GetMapping("/{code}/export")
    ResponseEntity<String> export(@PathVariable String code, @RequestParam(defaultValue = "ics") String format,
            @RequestParam(required = false) Integer year) {
        HolidayFormat chosen = HolidayFormat.of(format).orElse(HolidayFormat.ICS);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(chosen.mediaType() + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(code + (year == null ? "" : "-" + year) + "." + chosen.extension()).build().toString())
                .body(calendars.export(code, chosen, year));
    }

    private String page(BusinessCalendar calendar, Integer year, CalendarDraft draft, List<FieldProblem> problems,
            boolean editable, Locale locale, Model model) {
        int shown = year == null ? time.today().getYear()
                : Math.max(SlaInputs.FIRST_HOLIDAY_YEAR, Math.min(SlaInputs.LAST_YEAR, year));
        model.addAttribute("calendar", CalendarView.of(calendar));
        model.addAttribute("draft", draft);
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("view", YearView.of(calendar, shown));
        model.addAttribute("editable", editable);
        model.addAttribute("countryName", calendar.country().map(country -> countryName(country, locale)).orElse(null));
        model.addAttribute("countries", calendars.publicHolidayCountries().stream()
                .map(country -> new Country(country, countryName(country, locale))).toList());
        model.addAttribute("holidayCountry", calendar.country()
                .filter(calendars.publicHolidayCountries()::contains).orElse(null));
        model.addAttribute("fieldProblems", FieldProblems.byField(problemMessages.show(problems)));
        return PAGE;
    }

    /** The country's name in the reader's language, or the code for a region the JDK does not name. */
    private static String countryName(String code, Locale locale) {
        String name = new Locale("", code).getDisplayCountry(locale);
        return name.isEmpty() || name.equals(code) ? code : name;
    }

    /** A country public holidays can be taken for: its code and its name in the reader's language. */
    record Country(String code, String name) {
    }
}
