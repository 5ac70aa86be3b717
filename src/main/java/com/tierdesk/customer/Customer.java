package com.tierdesk.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer as the data hub knows it; docs/import.md lists the fields.
 *
 * @param owner   username of the dedicated account manager
 * @param tags    sorted
 * @param version increases with every change; updates quote it to detect lost updates
 */
public record Customer(CustomerId id, String code, String name, CustomerKind kind, String industry,
        String contactPerson, String phone, String email, String region, LocalDate birthday,
        LocalDate registeredOn, LocalDate membershipExpiresOn, String owner, Consent consent,
        List<String> tags, Instant createdAt, Instant updatedAt, long version) {

    public Customer {
        tags = List.copyOf(tags);
    }
}
