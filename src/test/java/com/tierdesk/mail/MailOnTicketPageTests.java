package com.tierdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.CustomerFixture;
import com.tierdesk.customer.CustomerKind;
import com.tierdesk.customer.Customers;
import com.tierdesk.ticket.TicketId;
import com.tierdesk.ticket.TicketMessage;
import com.tierdesk.ticket.Tickets;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The customer's mail on the ticket page as they wrote it: its sanitised HTML with nothing active left, the earlier
 * mail it quoted folded behind a toggle, its files as download links for agents only.
 */
@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@AutoConfigureMockMvc
class MailOnTicketPageTests {

    private static final RequestPostProcessor AGENT = user("agent.li").roles("AGENT");
    private static final RequestPostProcessor QA = user("qa.zhou").roles("QA");

    @Autowired
    MockMvc mvc;

    @Autowired
    InboundMail inbound;

    @Autowired
    Tickets tickets;

    @Autowired
    Customers customers;

    @Test
    void aMailShowsWithoutScriptsOrHandlersItsQuoteFoldedAndItsFilesForAgents() throws Exception {
        String address = "page-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        customers.create(CustomerFixture.aCustomer().name("页面客户").kind(CustomerKind.COMPANY).email(address)
                .registeredOn(LocalDate.of(2024, 1, 1)).build());
        byte[] pdf = "%PDF-1.4 invoice".getBytes(StandardCharsets.US_ASCII);
        TicketId id = inbound.receive(RawMail.from(address, "<" + UUID.randomUUID() + "@example.com>")
                .header("Subject", "Invoice title")
                .htmlWithAttachment("<p onclick=\"steal()\">您好，<b>发票抬头</b>错了，"
                        + "<a href=\"javascript:steal()\">点这里</a>看原票。<img src=\"https://tracker.example/p.gif\">"
                        + "<script>steal()</script></p><div>在 2026年3月1日，客服 写道：</div>"
                        + "<blockquote><p>请提供订单号。</p></blockquote>", "发票.pdf", pdf)
                .bytes()).ticket();
        TicketMessage message = tickets.get(id).messages().get(0);

        String page = page(id, AGENT);
        Element shown = Jsoup.parse(page).getElementById("message-" + message.id());

        assertThat(page).doesNotContain("steal()").doesNotContain("tracker.example");
        assertThat(shown.select("script, img, [onclick], [href^=javascript]")).isEmpty();
        assertThat(shown.selectFirst(".message-html b").text()).isEqualTo("发票抬头");
        assertThat(shown.selectFirst(".message-html").text()).contains("错了").doesNotContain("请提供订单号");
        Element quoted = shown.selectFirst("details.message-quoted");
        assertThat(quoted.hasAttr("open")).as("folded away").isFalse();
        assertThat(quoted.selectFirst("summary").text()).isEqualTo("Show quoted text");
        assertThat(quoted.text()).contains("在 2026年3月1日，客服 写道：").contains("请提供订单号。");
        Element file = shown.selectFirst(".message-attachments a");
        assertThat(file.text()).isEqualTo("发票.pdf");
        mvc.perform(get(file.attr("href")).with(AGENT)).andExpect(status().isOk());

        Document forQa = Jsoup.parse(page(id, QA));
        assertThat(forQa.getElementById("message-" + message.id()).select(".message-attachments a"))
                .as("files are for agents").isEmpty();
        mvc.perform(get(file.attr("href")).with(QA)).andExpect(status().isForbidden());
    }

    @Test
    void aPlainTextReplyShowsItsOwnTextWithTheQuoteFolded() throws Exception {
        String address = "plain-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        customers.create(CustomerFixture.aCustomer().name("纯文本客户").kind(CustomerKind.COMPANY).email(address)
                .registeredOn(LocalDate.of(2024, 1, 1)).build());
        String first = "<" + UUID.randomUUID() + "@example.com>";
        TicketId id = inbound.receive(RawMail.from(address, first).header("Subject", "退货")
                .text("我想退货", "UTF-8", "8bit").bytes()).ticket();
        inbound.receive(RawMail.from(address, "<" + UUID.randomUUID() + "@example.com>").header("In-Reply-To", first)
                .header("Subject", "Re: 退货").text("单号 1001\n\n> 我想退货", "UTF-8", "8bit").bytes());
        TicketMessage answer = tickets.get(id).messages().get(1);

        Element shown = Jsoup.parse(page(id, AGENT)).getElementById("message-" + answer.id());

        assertThat(shown.select(".message-html")).isEmpty();
        assertThat(shown.selectFirst(".message-body").text()).isEqualTo("单号 1001");
        assertThat(shown.selectFirst("details.message-quoted").text()).contains("> 我想退货");
    }

    private String page(TicketId id, RequestPostProcessor as) throws Exception {
        return mvc.perform(get("/tickets/{id}", id.value()).param("lang", "en").with(as)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
