package com.tierdesk.customer.web;

import com.tierdesk.customer.CodeLabel;
import com.tierdesk.customer.CustomerLabels;
import com.tierdesk.shared.Label;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customer-labels")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Customer labels", description = "Chinese and English labels of the industry and tag codes customers carry")
class CustomerLabelApiController {

    private final CustomerLabels labels;

    CustomerLabelApiController(CustomerLabels labels) {
        this.labels = labels;
    }

    @GetMapping
    @Operation(summary = "Every industry and tag label")
    List<CodeLabel> list() {
        return labels.list();
    }

    @PutMapping("/{kind}/{code}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Set the label of an industry or tag code",
            description = "kind is industries or tags; the body is {\"zh\": …, \"en\": …}, one of them at least")
    CodeLabel set(@PathVariable String kind, @PathVariable String code, @RequestBody Label label, Authentication caller) {
        return labels.set(LabelKindPath.read(kind), code, label, caller.getName());
    }

    @DeleteMapping("/{kind}/{code}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove the label of an industry or tag code: it shows as the code again")
    void clear(@PathVariable String kind, @PathVariable String code) {
        labels.clear(LabelKindPath.read(kind), code);
    }
}
