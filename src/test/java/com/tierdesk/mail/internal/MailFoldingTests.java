package com.tierdesk.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The quoted earlier mail folded away from a mail's HTML, and the CC addresses kept with their names. */
class MailFoldingTests {

    @Test
    void theHtmlIsCutWhereTheQuotedMailStartsAndTheQuoteKeptAsText() {
        String[] folded = MailParser.foldHtml("<p>发票收到了，<b>谢谢</b>！</p><p>在 2026年3月2日，客服 写道：</p>"
                + "<blockquote><p>您好，发票已开具。</p></blockquote>");

        assertThat(folded[0]).isEqualTo("<p>发票收到了，<b>谢谢</b>！</p>");
        assertThat(folded[1]).contains("在 2026年3月2日，客服 写道：").contains("您好，发票已开具。");
    }

    @Test
    void aQuoteInsideTheSendersParagraphKeepsWhatCameBeforeIt() {
        String[] folded = MailParser.foldHtml("<p>Thanks, got it.<br>On Mon, 2 Mar 2026, Service wrote:<br>"
                + "&gt; Your invoice</p>");

        assertThat(folded[0]).isEqualTo("<p>Thanks, got it.<br></p>");
        assertThat(folded[1]).startsWith("On Mon, 2 Mar 2026, Service wrote:").contains("> Your invoice");
    }

    @Test
    void htmlThatQuotesNothingOrOnlyQuotesStaysWhole() {
        assertThat(MailParser.foldHtml("<p>请问退款进度？</p>")).containsExactly("<p>请问退款进度？</p>", null);
        assertThat(MailParser.foldHtml("<blockquote>只有引用</blockquote>"))
                .containsExactly("<blockquote>只有引用</blockquote>", null);
    }

    @Test
    void ccAddressesKeepTheirNamesThroughTheStoredHeader() {
        List<ParsedMail.Copied> cc = List.of(new ParsedMail.Copied("boss@example.org", "王, 老板"),
                new ParsedMail.Copied("helper@example.org", null));

        assertThat(MailParser.cc(MailParser.ccHeader(cc))).isEqualTo(cc);
        assertThat(MailParser.cc("old@example.org,older@example.org")).as("as the column held them before")
                .extracting(ParsedMail.Copied::email).containsExactly("old@example.org", "older@example.org");
    }
}
