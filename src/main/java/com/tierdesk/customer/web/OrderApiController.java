package com.tierdesk.customer.web;

import com.tierdesk.customer.CustomerOrder;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.OrderDraft;
import com.tierdesk.customer.OrderRefund;
import com.tierdesk.customer.OrderRefunds;
import com.tierdesk.customer.RefundDraft;
import com.tierdesk.customer.Upserted;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "Customers' orders, written by the shop system's external id")
class OrderApiController {

    private final CustomerOrders orders;
    private final OrderRefunds refunds;

    OrderApiController(CustomerOrders orders, OrderRefunds refunds) {
        this.orders = orders;
        this.refunds = refunds;
    }

    @PutMapping("/{externalId}")
    @Operation(summary = "Upsert an order by external id", description = "Creates (201) or updates (200) "
            + "idempotently; the customer is referenced by code (422 if unknown). Amounts in CNY with at most "
            + "two decimals; the refund never exceeds the amount. Lines (product code and name, quantity, the line's "
            + "amount) replace the stored ones when given and are kept when left out.")
    ResponseEntity<CustomerOrder> put(@PathVariable String externalId, @RequestBody OrderDraft draft) {
        if (draft.externalId() != null && !draft.externalId().equals(externalId)) {
            throw InvalidInput.of("externalId", "problem.path-mismatch", ApiProblems.echo(externalId));
        }
        Upserted<CustomerOrder> result = orders.upsert(new OrderDraft(externalId, draft.customerCode(),
                draft.amount(), draft.refundAmount(), draft.placedAt(), draft.paidAt(), draft.status(), draft.lines()));
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.value());
    }

    @PostMapping("/{externalId}/refunds")
    @Operation(summary = "Record a refund on a paid order", description = "Never more than what was paid and not "
            + "refunded yet (422 otherwise); lowers the customer's spend and publishes OrderRefunded. Supervisors.")
    ResponseEntity<OrderRefund> refund(@PathVariable String externalId, @RequestBody RefundDraft draft,
            Authentication caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(refunds.refund(externalId, draft, caller.getName()));
    }

    @GetMapping("/{externalId}/refunds")
    @Operation(summary = "The refunds recorded on an order, the oldest first")
    List<OrderRefund> refunds(@PathVariable String externalId) {
        return refunds.ofOrder(externalId);
    }

    @GetMapping("/{externalId}")
    @Operation(summary = "Read an order")
    CustomerOrder get(@PathVariable String externalId) {
        return orders.get(externalId);
    }
}
