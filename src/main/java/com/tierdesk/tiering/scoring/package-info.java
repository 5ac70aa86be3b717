/**
 * Pure scoring arithmetic and the model as data: metrics, normalisations, weighted and rule-based models, tier
 * policies and decisions. No Spring, no database. Part of the tiering module's API: models are what its API reads and writes.
 */
@org.springframework.modulith.NamedInterface("scoring")
package com.tierdesk.tiering.scoring;
