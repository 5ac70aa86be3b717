package com.tierdesk.customer.internal;

import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.OrderRefunded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Brings the activity snapshot up to date right after a refund rather than at the next scheduled refresh, so the
 * 12-month spend the tiering engine and the console read drops at once.
 */
@Component
class RefundActivityRefresh {

    private final CustomerActivity activity;

    RefundActivityRefresh(CustomerActivity activity) {
        this.activity = activity;
    }

    @ApplicationModuleListener(id = "customer.activity.refund", propagation = Propagation.NOT_SUPPORTED)
    void on(OrderRefunded refunded) {
        activity.refresh();
    }
}
