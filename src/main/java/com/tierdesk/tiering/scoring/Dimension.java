package com.tierdesk.tiering.scoring;

import com.tierdesk.shared.Label;
import java.util.List;

/**
 * A group of indicators (价值 Value, 潜力 Potential, 忠诚度 Loyalty) with its name in Chinese and English and its weight
 * (percent) in the total score.
 */
public record Dimension(Label name, double weight, List<Indicator> indicators) {

    public Dimension {
        indicators = Definitions.copy(indicators);
    }
}
