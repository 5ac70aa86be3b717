package com.tierdesk.sla;

/** Where a request came in. Targets do not depend on it, except the live-chat first-reply rule. */
public enum Channel {
    PHONE, LIVE_CHAT, EMAIL, SOCIAL_MEDIA, WEB_FORM, API
}
