package com.tierdesk.tiering.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.tierdesk.tiering.TierExplanation;

/** An explanation as the API answers it: its structured reasons, and the decision in the caller's language. */
record ExplainedTier(@JsonUnwrapped TierExplanation explanation, String summary) {
}
