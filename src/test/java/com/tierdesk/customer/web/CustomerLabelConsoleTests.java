package com.tierdesk.customer.web;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerLabels;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.LabelKind;
import com.tierdesk.shared.Label;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = "AGENT")
class CustomerLabelConsoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Customers customers;

    @Autowired
    CustomerLabels labels;

    @Test
    void theCustomerPagesShowIndustryAndTagLabelsInTheReadersLanguage() throws Exception {
        String marker = unique("labelled");
        String unlabelled = unique("tag");
        Customer customer = customers.create(aCustomer().name(marker).industry("apparel")
                .tags("price-sensitive", unlabelled).build());

        String chinese = html(get("/customers").param("q", marker));
        assertThat(chinese).contains("<td>服装</td>")
                .contains("<span class=\"tag\">价格敏感</span>")
                .contains(">" + unlabelled + "</span>");
        assertThat(html(get("/customers").param("q", marker).param("lang", "en")))
                .contains("<td>Apparel</td>").contains(">Price-sensitive</span>");

        assertThat(html(get("/customers/{code}", customer.code()))).contains(">服装</dd>")
                .contains(">价格敏感</span>").doesNotContain(">Apparel<");
        assertThat(html(get("/customers/{code}", customer.code()).param("lang", "en")))
                .contains(">Apparel</dd>").contains(">Price-sensitive</span>").doesNotContain(">服装<");
    }

    @Test
    void supervisorsEditLabelsOnTheirPageAndOtherRolesOnlyReadThem() throws Exception {
        String code = unique("industry");
        String agentsPage = html(get("/customer-labels").with(user("agent").roles("AGENT")));
        assertThat(agentsPage).contains("id=\"industries-labels\"").contains("<code>apparel</code>")
                .doesNotContain("id=\"label-form\"").doesNotContain("/customer-labels/delete");
        mvc.perform(post("/customer-labels").with(user("agent").roles("AGENT")).with(csrf())
                .param("kind", "industries").param("code", code).param("zh", "新能源")).andExpect(status().isForbidden());

        assertThat(html(get("/customer-labels").param("lang", "en").with(user("wang").roles("SUPERVISOR"))))
                .contains("id=\"label-form\"").contains("Industry and tag names");
        mvc.perform(post("/customer-labels").with(user("wang").roles("SUPERVISOR")).with(csrf())
                        .param("kind", "industries").param("code", code).param("zh", "新能源").param("en", ""))
                .andExpect(redirectedUrl("/customer-labels"));
        assertThat(labels.list()).anySatisfy(label -> {
            assertThat(label.code()).isEqualTo(code);
            assertThat(label.kind()).isEqualTo(LabelKind.INDUSTRY);
            assertThat(label.label()).isEqualTo(new Label("新能源", null));
        });
        assertThat(html(get("/customer-labels").param("kind", "industries").param("code", code)
                .with(user("wang").roles("SUPERVISOR")))).contains("value=\"新能源\"");

        String refused = html(post("/customer-labels").with(user("wang").roles("SUPERVISOR")).with(csrf())
                .param("kind", "tags").param("code", "a|b").param("zh", " ").param("en", ""));
        assertThat(refused).contains("id=\"label-problems\"").contains("code: ").contains("label: ");
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
