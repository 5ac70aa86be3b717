package com.tierdesk.ticket;

import com.tierdesk.sla.Channel;

/**
 * Where a request came in. The SLA counts a web form and an app form alike (the spec's "web/app form"), so each
 * channel says which of the SLA's channels it is.
 */
public enum IntakeChannel {
    PHONE(Channel.PHONE),
    CHAT(Channel.LIVE_CHAT),
    EMAIL(Channel.EMAIL),
    SOCIAL(Channel.SOCIAL_MEDIA),
    WEB_FORM(Channel.WEB_FORM),
    APP(Channel.WEB_FORM),
    API(Channel.API);

    private final Channel sla;

    IntakeChannel(Channel sla) {
        this.sla = sla;
    }

    public Channel sla() {
        return sla;
    }
}
