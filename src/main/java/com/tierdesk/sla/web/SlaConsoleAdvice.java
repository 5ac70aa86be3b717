package com.tierdesk.sla.web;

import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.ProblemMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The SLA console's answer to a request it cannot follow: a value no form offers (an export of the year 0) is a 422, a
 * form field no form has ({@code rows[x].tier}) a 400, an unknown calendar or policy version the console's 404 page
 * ({@code ConsoleErrorPages}); forms show their own problems beside their fields.
 */
@ControllerAdvice(assignableTypes = {CalendarConsoleController.class, PolicyConsoleController.class,
        DeadlineConsoleController.class, ClockConsoleController.class})
class SlaConsoleAdvice {

    private final ProblemMessages problemMessages;

    SlaConsoleAdvice(ProblemMessages problemMessages) {
        this.problemMessages = problemMessages;
    }

    @ExceptionHandler
    void invalid(InvalidInput e, HttpServletResponse response) throws IOException {
        response.sendError(422, problemMessages.text(e));
    }

    @ExceptionHandler
    void unknownField(InvalidPropertyException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST, "no such field: " + e.getPropertyName());
    }
}
