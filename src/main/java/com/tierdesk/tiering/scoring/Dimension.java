package com.tierdesk.tiering.scoring;

import java.util.List;

/** A group of indicators (Value, Potential, Loyalty) with its weight (percent) in the total score. */
public record Dimension(String name, double weight, List<Indicator> indicators) {

    public Dimension {
        indicators = Definitions.copy(indicators);
    }
}
