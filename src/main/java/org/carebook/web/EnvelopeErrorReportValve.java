package org.carebook.web;

import java.io.IOException;
import java.io.PrintWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error page, for requests it rejects before any of our code runs (an encoded NUL in the
 * path, say), written as the API's JSON envelope instead of an HTML page naming the server.
 */
public class EnvelopeErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        Object id = request.getAttribute(RequestIds.ATTRIBUTE);
        String requestId = id != null ? id.toString() : org.carebook.kernel.Ids.next("req");
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Request-Id", requestId);
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(ErrorBody.of(ErrorResponses.forStatus(status), requestId)));
            }
        } catch (IOException | IllegalStateException ignored) {
            // the connection is gone; nothing more can be said
        }
    }
}
