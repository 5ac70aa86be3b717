/**
 * Tiering engine: scoring models as versioned data, metrics as of a date, assessment runs with approval and
 * publication, customers' current tiers and timelines, overrides, cadence and triggers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customer", "security", "shared", "task"})
package com.tierdesk.tiering;
