/**
 * Tiering engine: scoring models, assessment runs, tier policies and tier timelines.
 */

package com.tierdesk.tiering;

