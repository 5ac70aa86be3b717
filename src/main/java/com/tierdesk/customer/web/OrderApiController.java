package com.tierdesk.customer.web;

import com.tierdesk.customer.CustomerOrder;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.OrderDraft;
import com.tierdesk.customer.Upserted;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "Customers' orders, written by the shop system's external id")
class OrderApiController {

    private final CustomerOrders orders;

    OrderApiController(CustomerOrders orders) {
        this.orders = orders;
    }

    @PutMapping("/{externalId}")
    @Operation(summary = "Upsert an order by external id", description = "Creates (201) or updates (200) "
            + "idempotently; the customer is referenced by code (422 if unknown). Amounts in CNY with at most "
            + "two decimals; the refund never exceeds the amount.")
    ResponseEntity<CustomerOrder> put(@PathVariable String externalId, @RequestBody OrderDraft draft) {
        if (draft.externalId() != null && !draft.externalId().equals(externalId)) {
            throw InvalidInput.of("externalId", "problem.path-mismatch", ApiProblems.echo(externalId));
        }
        Upserted<CustomerOrder> result = orders.upsert(new OrderDraft(externalId, draft.customerCode(),
                draft.amount(), draft.refundAmount(), draft.placedAt(), draft.paidAt(), draft.status()));
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.value());
    }

    @GetMapping("/{externalId}")
    @Operation(summary = "Read an order")
    CustomerOrder get(@PathVariable String externalId) {
        return orders.get(externalId);
    }
}
