package com.tierdesk.tiering.internal;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.CustomerRef;
import com.tierdesk.customer.Customers;
import com.tierdesk.security.AuditLog;
import com.tierdesk.tiering.TierOverrideEvent;
import com.tierdesk.tiering.TiersPublished;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The audit log's entries for tier changes, written from the events: one per publication of a run and one per
 * transition of an override, each under the key of its occurrence so that a redelivered event (delivery is at least
 * once) adds nothing. The entry carries the time of the occurrence, not of its delivery.
 */
@Component
class TieringAudit {

    static final String SYSTEM = "system";

    private final AuditLog audit;
    private final Customers customers;

    TieringAudit(AuditLog audit, Customers customers) {
        this.audit = audit;
        this.customers = customers;
    }

    @ApplicationModuleListener(id = "tiering.audit.run")
    void on(TiersPublished published) {
        audit.recordOnce("run-published:" + published.run(), published.publishedAt(), SYSTEM, "RUN_PUBLISHED",
                "run " + published.run(), published.changes() + " customers' tier changed");
    }

    @ApplicationModuleListener(id = "tiering.audit.override")
    void on(TierOverrideEvent event) {
        String action;
        String detail;
        if (event instanceof TierOverrideEvent.Requested requested) {
            action = "OVERRIDE_REQUESTED";
            detail = "override " + requested.overrideId() + ": " + requested.tier() + " until " + requested.expiresOn()
                    + ": " + requested.reason();
        } else if (event instanceof TierOverrideEvent.Approved approved) {
            action = "OVERRIDE_APPROVED";
            detail = "override " + approved.overrideId() + ": " + approved.tier() + note(approved.note());
        } else if (event instanceof TierOverrideEvent.Rejected rejected) {
            action = "OVERRIDE_REJECTED";
            detail = "override " + rejected.overrideId() + note(rejected.note());
        } else if (event instanceof TierOverrideEvent.Revoked revoked) {
            action = "OVERRIDE_REVOKED";
            detail = "override " + revoked.overrideId() + ": " + revoked.tier() + note(revoked.note());
        } else {
            TierOverrideEvent.Expired expired = (TierOverrideEvent.Expired) event;
            action = "OVERRIDE_EXPIRED";
            detail = "override " + expired.overrideId() + ": " + expired.tier() + " expired on " + expired.expiresOn();
        }
        audit.recordOnce("override:" + event.overrideId() + ":" + action, event.at(), event.by(), action,
                subject(event.customerId()), detail);
    }

    private String subject(CustomerId customer) {
        CustomerRef ref = customers.refs(List.of(customer)).get(customer);
        return "customer " + (ref == null ? "#" + customer.value() : ref.code());
    }

    private static String note(String note) {
        return note == null ? "" : " (" + note + ")";
    }
}
