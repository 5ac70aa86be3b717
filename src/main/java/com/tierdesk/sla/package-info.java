/**
 * SLA engine: business calendars, the versioned tier x type policy matrix, deadline arithmetic, SLA clocks
 * and their explanation.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tiering", "security", "shared"})
package com.tierdesk.sla;
