/**
 * People, roles, form login, API tokens and the audit log.
 */

package com.tierdesk.security;

