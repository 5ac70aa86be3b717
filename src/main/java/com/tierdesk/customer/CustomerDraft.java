package com.tierdesk.customer;

import java.time.LocalDate;
import java.util.List;

/**
 * A customer as a caller wants it to be. Blank texts count as absent; a {@code null} consent means
 * none given; {@code null} tags leave an existing customer's tags as they are (a list replaces them).
 */
public record CustomerDraft(String code, String name, CustomerKind kind, String industry, String contactPerson,
        String phone, String email, String region, LocalDate birthday, LocalDate registeredOn,
        LocalDate membershipExpiresOn, String owner, Consent consent, List<String> tags) {

    /** The same draft for another code. */
    public CustomerDraft withCode(String newCode) {
        return new CustomerDraft(newCode, name, kind, industry, contactPerson, phone, email, region, birthday,
                registeredOn, membershipExpiresOn, owner, consent, tags);
    }
}
