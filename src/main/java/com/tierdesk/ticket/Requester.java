package com.tierdesk.ticket;

/** Who asked, as they gave it: any of the three may be missing. */
public record Requester(String name, String email, String phone) {

    public static final Requester NONE = new Requester(null, null, null);
}
