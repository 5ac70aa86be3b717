/**
 * Deadline arithmetic on business calendars: working time laid out per year, adding and measuring it with pauses,
 * and the steps a computation records for the trace. Plain Java, internal to the SLA module.
 */
package com.tierdesk.sla.calendar;
