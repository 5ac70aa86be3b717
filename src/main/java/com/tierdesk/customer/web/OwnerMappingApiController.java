package com.tierdesk.customer.web;

import com.tierdesk.customer.CustomerOwners;
import com.tierdesk.customer.UnmatchedOwner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Customers' owners written as names rather than accounts, and their mapping to accounts, for administrators. */
@RestController
@Tag(name = "Customer owners", description = "A customer's owner is a person's account")
class OwnerMappingApiController {

    private final CustomerOwners owners;

    OwnerMappingApiController(CustomerOwners owners) {
        this.owners = owners;
    }

    @GetMapping("/api/v1/customer-owners/unmatched")
    @Operation(summary = "Owners that are no account", description = "Each owner written on customers that is no "
            + "person's username, with how many customers carry it and the account it matches by name, if exactly one.")
    List<UnmatchedOwner> unmatched() {
        return owners.unmatched();
    }

    @PostMapping("/api/v1/customer-owners/mappings")
    @Operation(summary = "Map an owner to an account", description = "Every customer whose owner is written so gets the "
            + "account as its owner. 404 if no customer has that owner; 422 if the account is no enabled person.")
    Mapped map(@RequestBody Mapping mapping, Authentication caller) {
        return new Mapped(mapping.owner(), mapping.account(), owners.map(mapping.owner(), mapping.account(), caller.getName()));
    }

    record Mapping(String owner, String account) {
    }

    record Mapped(String owner, String account, int customers) {
    }
}
