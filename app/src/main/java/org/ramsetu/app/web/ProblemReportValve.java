package org.ramsetu.app.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.ramsetu.platform.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's own error report as problem details instead of its HTML page. It answers what Tomcat
 * refuses before any servlet runs: a request line or URI it cannot parse, a header too large, a bad
 * host. Everything a servlet saw goes through {@link ProblemErrorController}; this valve only fills
 * an error response that is still empty.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean writable = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return; // the connection is gone or was closed for the error: nothing can be sent
        }
        HttpStatus status = HttpStatus.resolve(code);
        ProblemDetail body;
        if (status == null) {
            body =
                    ProblemDetail.forStatusAndDetail(
                            HttpStatusCode.valueOf(code), "the request was refused");
        } else {
            body =
                    ProblemResponses.body(
                            status,
                            ProblemResponses.typeOf(status),
                            status.getReasonPhrase(),
                            detail(status));
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) { // null when the response may no longer carry a report
                writer.write(new String(ProblemResponses.json(body), StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away, or the response was taken over: nothing more to do.
        }
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST ->
                    "the server could not read this request: its request line, URI or headers are"
                            + " malformed or too large (reserved characters in a URI must be"
                            + " percent-encoded)";
            case REQUEST_HEADER_FIELDS_TOO_LARGE ->
                    "the request's headers are larger than this server accepts";
            case URI_TOO_LONG -> "the URI is longer than this server accepts";
            default ->
                    status.is5xxServerError()
                            ? "something went wrong on our side; try again, and tell the RamSetu"
                                    + " team if it persists"
                            : "the request was refused: "
                                    + status.getReasonPhrase().toLowerCase(Locale.ROOT);
        };
    }
}
