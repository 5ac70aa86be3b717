package com.tierdesk.tiering.web;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bar chart's data as the JSON a canvas carries in {@code data-chart}; {@code static/js/tiering.js} draws it with
 * Chart.js.
 */
@Component
class ConsoleCharts {

    private final JsonMapper json;

    ConsoleCharts(JsonMapper json) {
        this.json = json;
    }

    String bars(String series, List<String> labels, List<? extends Number> values) {
        return json.writeValueAsString(Map.of("series", series, "labels", labels, "values", values));
    }
}
