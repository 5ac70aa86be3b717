package com.tierdesk.sla;

/**
 * What becomes of a target that only a reply or a decision meets (the first response, the first chat reply,
 * the return decision) when the ticket is solved without one, by its due instant; solved after it, the target
 * is breached whatever the rule (see docs/sla.md).
 */
public enum SolvedWithoutReply {
    /** Nothing was owed after all (the customer's question answered itself, a duplicate): left out of compliance. */
    NOT_APPLICABLE,
    /** Solving counts as the reply: met. */
    MET,
    /** The customer never heard from an agent: breached. */
    BREACHED
}
