package com.tierdesk.sla.web;

import com.tierdesk.shared.InvalidInput;
import com.tierdesk.sla.CalendarDraft;
import com.tierdesk.sla.HolidayFormat;
import com.tierdesk.sla.HolidayImport;
import com.tierdesk.sla.SlaCalendars;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/sla/calendars")
@PreAuthorize("isAuthenticated()")
@Tag(name = "SLA calendars", description = "Business calendars: weekly hours, holidays and make-up working days")
class CalendarApiController {

    private final SlaCalendars calendars;

    CalendarApiController(SlaCalendars calendars) {
        this.calendars = calendars;
    }

    @GetMapping
    @Operation(summary = "List the business calendars")
    List<CalendarView> list() {
        return calendars.list().stream().map(CalendarView::of).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "Read a calendar")
    CalendarView get(@PathVariable String code) {
        return CalendarView.of(calendars.get(code));
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Create or edit a calendar", description = "hours maps MONDAY … SUNDAY to periods such as "
            + "\"09:00-12:00, 13:00-18:00\" (empty: a day off). Overlapping or inverted periods are refused with the "
            + "weekday as field. country (optional) is the ISO 3166 code of the country whose holidays the calendar "
            + "keeps, such as CN; taking public holidays defaults to it. The calendar's holidays stay.")
    CalendarView put(@PathVariable String code, @RequestBody CalendarDraft draft, Authentication caller) {
        if (draft.code() != null && !draft.code().equals(code)) {
            throw InvalidInput.of("code", "problem.path-mismatch", code);
        }
        return CalendarView.of(calendars.save(new CalendarDraft(code, draft.name(), draft.zone(), draft.country(),
                draft.hours()), caller.getName()));
    }

    @GetMapping("/{code}/years/{year}")
    @Operation(summary = "One year of a calendar", description = "Its holidays and make-up working days, and "
            + "hasData false with a warning when the year has no holiday data (then only weekends are off).")
    CalendarView.Year year(@PathVariable String code, @PathVariable int year) {
        SlaCalendars.checkYear(year);
        return CalendarView.Year.of(calendars.get(code), year);
    }

    @PostMapping(value = "/{code}/holidays", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Import holidays from a file (.ics or .csv)", description = "Replaces the holidays and "
            + "make-up days of every year in the file, all or nothing: a bad line writes nothing and is reported with "
            + "its line number. CSV: header date,kind,name; kind holiday or workday. iCalendar: all-day VEVENTs, "
            + "CATEGORIES HOLIDAY (default) or MAKEUP_WORKDAY. source names where the dates come from (default the "
            + "file's name). A file holds at most 1 MB.")
    HolidayImport importFile(@PathVariable String code, @RequestParam MultipartFile file,
            @RequestParam(required = false) String format, @RequestParam(required = false) String source,
            Authentication caller) throws IOException {
        String name = HolidayUpload.fileName(file);
        HolidayFormat chosen = HolidayFormat.of(format != null ? format : name)
                .orElseThrow(() -> InvalidInput.of("format", "problem.calendar.format-or-file"));
        return calendars.importHolidays(code, chosen, HolidayUpload.text(file), source == null ? name : source,
                caller.getName());
    }

    @PostMapping(value = "/{code}/holidays", consumes = {"text/calendar", "text/csv"})
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Import holidays from the request body (text/calendar or text/csv, at most 1 MB)")
    HolidayImport importBody(@PathVariable String code, InputStream body,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, @RequestParam(required = false) String source,
            Authentication caller) throws IOException {
        HolidayFormat format = contentType.toLowerCase(Locale.ROOT).startsWith("text/calendar") ? HolidayFormat.ICS
                : HolidayFormat.CSV;
        return calendars.importHolidays(code, format, HolidayUpload.text(body), source, caller.getName());
    }

    @GetMapping("/{code}/holidays")
    @Operation(summary = "Export holidays and make-up days", description = "format ics or csv; year optional")
    ResponseEntity<String> export(@PathVariable String code, @RequestParam(defaultValue = "ics") String format,
            @RequestParam(required = false) Integer year) {
        HolidayFormat chosen = HolidayFormat.of(format)
                .orElseThrow(() -> InvalidInput.of("format", "problem.calendar.format"));
        String file = code + (year == null ? "" : "-" + year) + "." + chosen.extension();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(chosen.mediaType() + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(calendars.export(code, chosen, year));
    }

    @PostMapping("/{code}/public-holidays")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Take a year's public holidays of a country from Jollyday",
            description = "country is an ISO 3166 code such as DE or US, by default the calendar's own country; "
                    + "replaces that year's days")
    HolidayImport publicHolidays(@PathVariable String code, @RequestBody PublicHolidayRequest request, Locale locale,
            Authentication caller) {
        if (request.year() == null) {
            throw InvalidInput.of("year", "problem.missing");
        }
        return calendars.importPublicHolidays(code, request.country(), request.year(), locale, caller.getName());
    }

    record PublicHolidayRequest(String country, Integer year) {
    }
}
