/**
 * Service requests: intake, assignment, timelines, SLA clocks and returns.
 */

package com.tierdesk.ticket;

