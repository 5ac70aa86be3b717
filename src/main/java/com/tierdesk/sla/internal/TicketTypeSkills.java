package com.tierdesk.sla.internal;

import com.tierdesk.security.TicketTypeCatalog;
import com.tierdesk.sla.TicketType;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** The policy's ticket types, offered to accounts as skills. */
@Component
class TicketTypeSkills implements TicketTypeCatalog {

    @Override
    public List<String> codes() {
        return Arrays.stream(TicketType.values()).map(TicketType::name).toList();
    }
}
