package com.tierdesk.tiering;

/**
 * Why a customer's tier in a run differs from the published one. The run grades the customer's new figures
 * against the population of the last published run (its distributions, quota floors and purchase-model fit):
 * when that gives the published tier, the other customers moved the customer; otherwise the customer's own
 * figures did.
 */
public enum MoveCause {
    /** Graded against the previous population, the customer keeps the published tier: other customers moved it. */
    POPULATION,
    /** Graded against the previous population, the customer moves as well: their own figures moved it. */
    OWN_FIGURES
}
