/**
 * SLA engine: business calendars, the versioned tier x type policy matrix, deadlines, SLA clocks and their trace.
 * This package holds what other modules call; the arithmetic lives in {@code calendar} and {@code clock}, storage
 * and file formats in {@code internal}, the API and console in {@code web} (see docs/sla.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tiering", "security", "shared"})
package com.tierdesk.sla;
