/**
 * Satisfaction surveys, quality inspection and complaint hot spots.
 */

package com.tierdesk.feedback;

