package com.tierdesk.tiering;

/** What started an assessment run. */
public enum TriggerKind {
    /** A person in the console or through the API. */
    MANUAL,
    /** {@code tierdesk assess}. */
    COMMAND_LINE,
    /** The reassessment cadence on fixed dates (by default the top tier quarterly, everybody every six months). */
    CADENCE,
    /** A steady buyer's spend fell in each of the two latest complete months to half the monthly average before them. */
    SPEND_DROP
}
