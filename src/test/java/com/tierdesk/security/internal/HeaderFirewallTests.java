package com.tierdesk.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The firewall's header rule, written as a loop, says what Spring Security's regular expression says. */
class HeaderFirewallTests {

    private static final Pattern SPRING_SECURITY_RULE = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Test
    void agreesWithTheRegularExpressionOnAnyCodePoints() {
        qt().forAll(lists().of(integers().between(0, Character.MAX_CODE_POINT)).ofSizeBetween(0, 8))
                .checkAssert(codePoints -> {
                    var text = new StringBuilder();
                    codePoints.forEach(text::appendCodePoint);
                    assertThat(SecurityConfiguration.assignedAndNotControl(text.toString()))
                            .as("code points %s", codePoints)
                            .isEqualTo(SPRING_SECURITY_RULE.matcher(text).matches());
                });
    }

    @Test
    void takesHeadersAsClientsSendThemAndRefusesControlCharacters() {
        assertThat(SecurityConfiguration.assignedAndNotControl("Bearer tdk_abc123_secret")).isTrue();
        assertThat(SecurityConfiguration.assignedAndNotControl("zh-CN,zh;q=0.9,en;q=0.8")).isTrue();
        assertThat(SecurityConfiguration.assignedAndNotControl("退货 😀")).isTrue();
        assertThat(SecurityConfiguration.assignedAndNotControl("value\r\nInjected: yes")).isFalse();
        assertThat(SecurityConfiguration.assignedAndNotControl("bell\u0007")).isFalse();
    }
}
