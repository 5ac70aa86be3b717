package com.tierdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTextTests {

    @Test
    void findsEachVariableOnceWithSpacesAllowed() {
        assertThat(TemplateText.variables("{{customer.name}} 您好，{{ ticket.id }} {{customer.name}}"))
                .containsExactly("customer.name", "ticket.id");
    }

    @Test
    void fillsVariablesAndLeavesTextAsWritten() {
        assertThat(TemplateText.fill("{{customer.name}} 您好，工单 {{ticket.id}} ($1)", Map.of("customer.name", "张三",
                "ticket.id", "42"))).isEqualTo("张三 您好，工单 42 ($1)");
    }
}
