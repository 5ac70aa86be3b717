/**
 * Points ledger and tier benefits.
 */

package com.tierdesk.loyalty;

