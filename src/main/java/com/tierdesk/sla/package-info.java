/**
 * SLA engine: business calendars, tier x type policy matrix and deadline arithmetic.
 */

package com.tierdesk.sla;

