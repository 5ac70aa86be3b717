package com.tierdesk.ticket.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.EnglishAnswers;
import com.tierdesk.shared.SettableTime;
import com.tierdesk.ticket.TicketFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@AutoConfigureMockMvc
@Import({EnglishAnswers.class, SettableTime.class, TicketFixture.class})
@WithMockUser(username = "agent.li", roles = "AGENT")
class ComplaintApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TicketFixture fixture;

    @Test
    void agentsRecordAComplaintsStagesInOrderAndSeeThemOnTheTicket() throws Exception {
        String location = create("COMPLAINT");

        send(post(location + "/complaint/stages").header("If-Match", "\"0\""),
                "{\"stage\": \"RECORD\", \"body\": \"包裹破损，客户要求补发\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complaint.stages[0].stage").value("RECORD"))
                .andExpect(jsonPath("$.complaint.stages[0].body").value("包裹破损，客户要求补发"))
                .andExpect(jsonPath("$.complaint.stages[0].recordedBy").value("agent.li"))
                .andExpect(jsonPath("$.timeline[-1:].code").value("ticket.timeline.complaint.stage"));
        send(post(location + "/complaint/stages").header("If-Match", "\"1\""),
                "{\"stage\": \"SOLUTION\", \"body\": \"补发\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("stage"))
                .andExpect(jsonPath("$.errors[0].code").value("problem.ticket.complaint.stage-order"));
        send(post(location + "/complaint/stages").header("If-Match", "\"1\""), "{\"stage\": \"CAUSE\", \"body\": \" \"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void anInquiryHasNoComplaintFlow() throws Exception {
        String location = create("INQUIRY");

        send(post(location + "/complaint/complex").header("If-Match", "\"0\""), "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].code").value("problem.ticket.complaint.not-a-complaint"));
    }

    @Test
    void onlySupervisorsAskForAutomaticAssignment() throws Exception {
        String location = create("INQUIRY");

        send(post(location + "/assignment").header("If-Match", "\"0\""), "{}").andExpect(status().isForbidden());
        send(post(location + "/assignment").with(user("wang").roles("SUPERVISOR")).header("If-Match", "\"0\""), "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeline[-1:].code").value("ticket.timeline.assignment.nobody-available"));
    }

    private String create(String type) throws Exception {
        return send(post("/api/v1/tickets"), """
                {"channel": "PHONE", "customer": "%s", "subject": "商品破损", "type": "%s", "priority": "HIGH"}
                """.formatted(fixture.aCustomer().code(), type))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
