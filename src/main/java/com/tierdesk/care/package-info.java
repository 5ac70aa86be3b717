/**
 * Care plans and touchpoints per tier, delivered exactly once through an outbox.
 */

package com.tierdesk.care;

