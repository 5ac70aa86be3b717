/**
 * The knowledge base and quick replies: versioned articles (draft or published, zh-CN or English) and reply templates
 * with variables, searched through a term index the module keeps itself (Chinese as overlapping character pairs, other
 * text as words), articles suggested for a ticket, and the ticket tags that no article answers yet. It reads tickets
 * and customers through their APIs; nothing depends on it (see docs/knowledge.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"ticket", "customer", "security", "shared", "sla"})
package com.tierdesk.knowledge;
