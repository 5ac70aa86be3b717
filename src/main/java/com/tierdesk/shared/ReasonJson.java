package com.tierdesk.shared;

import java.util.Locale;
import org.springframework.boot.jackson.JacksonComponent;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * A reason in a JSON answer, as in the {@code errors} of a problem detail: its stable {@code code} and the
 * {@code reason} in words of the caller's language ({@link ProblemMessages#apiLocale}).
 */
@JacksonComponent
class ReasonJson extends ValueSerializer<Reason> {

    private final ProblemMessages messages;

    ReasonJson(ProblemMessages messages) {
        this.messages = messages;
    }

    @Override
    public void serialize(Reason reason, JsonGenerator json, SerializationContext context) {
        json.writeStartObject();
        json.writeStringProperty("code", reason.code());
        json.writeStringProperty("reason", messages.text(reason, locale()));
        json.writeEndObject();
    }

    private static Locale locale() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? ProblemMessages.apiLocale(request.getRequest()) : LocaleContextHolder.getLocale();
    }
}
