/**
 * Customer data hub: customers, orders, interactions, tags, bulk import and per-customer purchase aggregates.
 */

package com.tierdesk.customer;

