/**
 * The SLA engine's storage, file formats and input policy: calendar and policy tables, iCalendar and CSV holiday
 * files, public holidays from Jollyday, durations as text, and the rules every outside value passes.
 */
package com.tierdesk.sla.internal;
