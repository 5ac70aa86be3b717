/**
 * The replay of a ticket's SLA clocks from its history: pauses, reopens, tier changes and how each target ends.
 * Plain Java, internal to the SLA module.
 */
package com.tierdesk.sla.clock;
