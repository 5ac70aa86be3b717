package com.tierdesk.tiering.internal;

import com.tierdesk.shared.Reason;
import com.tierdesk.shared.Refusal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Why a run failed, as stored in {@code assessment_run.failure}: the reason's code and arguments as JSON
 * ({@code {"code": …, "arguments": […]}}, an argument that is a reason nested alike), to be worded for each reader.
 */
final class RunFailures {

    /** The code that words a failure stored as English text alone, before failures were stored as reasons. */
    static final String STORED_TEXT = "problem.run.failure-text";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RunFailures() {
    }

    /** Why the exception ended the run: a refusal's reason (publishing is refused for one reason), else its message. */
    static Reason of(RuntimeException e) {
        if (e instanceof Refusal refusal && !refusal.problems().isEmpty()) {
            return refusal.problems().get(0).reason();
        }
        return Reason.of("problem.run.unexpected", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    static String json(Reason reason) {
        return JSON.writeValueAsString(tree(reason));
    }

    /** The stored failure, or the stored English text of a run that failed before; null for a run that did not fail. */
    static Reason read(String failure, String text) {
        if (failure != null) {
            return reason(JSON.readTree(failure));
        }
        return text == null ? null : Reason.of(STORED_TEXT, text);
    }

    private static ObjectNode tree(Reason reason) {
        ObjectNode node = JSON.createObjectNode().put("code", reason.code());
        ArrayNode arguments = node.putArray("arguments");
        reason.arguments().forEach(argument -> {
            if (argument instanceof Reason nested) {
                arguments.add(tree(nested));
            } else {
                arguments.add(argument.toString());
            }
        });
        return node;
    }

    private static Reason reason(JsonNode node) {
        Object[] arguments = new Object[node.get("arguments").size()];
        for (int i = 0; i < arguments.length; i++) {
            JsonNode argument = node.get("arguments").get(i);
            arguments[i] = argument.isObject() ? reason(argument) : argument.asString();
        }
        return Reason.of(node.get("code").asString(), arguments);
    }
}
