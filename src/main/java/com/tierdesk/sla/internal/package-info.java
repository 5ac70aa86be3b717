/**
 * The SLA engine's storage and file formats: calendar and policy tables, iCalendar and CSV holiday files,
 * public holidays from Jollyday.
 */
package com.tierdesk.sla.internal;
