package com.tierdesk.customer.web;

import com.tierdesk.customer.CustomerImports;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportProgress;
import com.tierdesk.customer.ImportReport;
import com.tierdesk.customer.ImportRequest;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.NotFound;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk import over HTTP: a multipart upload of one file, imported in one transaction. 200 with the report when it was
 * committed, 422 with the counts and every problem as its errors when nothing was written. The problems are streamed
 * into the answer from the report, however many there are.
 */
@RestController
class ImportController {

    private final CustomerImports imports;
    private final JsonMapper json;

    ImportController(CustomerImports imports, JsonMapper json) {
        this.imports = imports;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/imports/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importFile(@PathVariable String kind,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String mode, @RequestParam(required = false) String charset,
            @RequestParam(required = false) String format, @RequestParam(name = "map", required = false) List<String> map,
            @RequestParam(required = false) String mapping, @RequestParam(required = false) String delimiter,
            @RequestParam(name = "set", required = false) List<String> set,
            @RequestParam(required = false) String externalIdFrom,
            @RequestParam(defaultValue = "false") boolean createMissingCustomers) throws IOException {
        ImportKind importKind = ImportOptions.kind(kind);
        if (importKind == null) {
            throw NotFound.because("kind", "no import of '" + ApiProblems.echo(kind) + "': customers, orders or interactions");
        }
        ImportOptions options = new ImportOptions(mode, charset, format, map, mapping, delimiter, set, externalIdFrom,
                createMissingCustomers);
        Path upload = Files.createTempFile("tierdesk-import-", ".upload");
        try {
            ImportRequest request = options.toRequest(importKind, file, upload, json);
            file.transferTo(upload);
            ImportReport report = imports.importFile(request, ImportProgress.NONE);
            // the answer is written after this method returns; the report's file goes once it has been
            RequestContextHolder.currentRequestAttributes().registerDestructionCallback("import-report", report::close,
                    RequestAttributes.SCOPE_REQUEST);
            if (report.committed()) {
                return ResponseEntity.ok(report);
            }
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    report.rejected() > 0
                            ? report.rejected() + " of " + report.rows() + " rows were rejected; nothing was written"
                            : "The file was refused; nothing was written");
            problem.setTitle("Import not committed");
            problem.setProperty("report", ImportCounts.of(report));
            problem.setProperty("errors", report.problems());
            return ResponseEntity.unprocessableContent().body(problem);
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    @ExceptionHandler
    ProblemDetail unreadableOptions(ImportOptions.Unreadable e) {
        return ApiProblems.problem(HttpStatus.BAD_REQUEST, "Unreadable request", "The upload or its options cannot be read",
                e.problems());
    }
}
