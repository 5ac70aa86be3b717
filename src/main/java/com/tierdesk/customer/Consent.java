package com.tierdesk.customer;

/** What a customer agreed to be contacted with; everything is refused until agreed. */
public record Consent(boolean marketing, boolean sms, boolean email) {

    public static final Consent NONE = new Consent(false, false, false);
}
