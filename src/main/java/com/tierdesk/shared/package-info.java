/**
 * Shared kernel: small, dependency-free building blocks used by several modules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.tierdesk.shared;
