package com.tierdesk.security.web;

import com.tierdesk.security.People;
import com.tierdesk.security.Presence;
import com.tierdesk.shared.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A person says whether they are available or away, for instance from a softphone or a chat client. */
@RestController
class PresenceApiController {

    private final People people;

    PresenceApiController(People people) {
        this.people = people;
    }

    @PutMapping("/api/v1/me/presence")
    @Operation(summary = "Set my presence", description = "AVAILABLE or AWAY; SIGNED_OUT too, for a client that stops. "
            + "Only people have a presence: a service account's token gets 409.")
    PresenceView change(@RequestBody PresenceView body, Authentication caller) {
        if (body == null || body.presence() == null) {
            throw InvalidInput.of("presence", "problem.required");
        }
        return new PresenceView(people.changePresence(caller.getName(), body.presence()));
    }

    record PresenceView(Presence presence) {
    }
}
