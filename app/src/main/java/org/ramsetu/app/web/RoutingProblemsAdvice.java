package org.ramsetu.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers what fails before a controller is chosen, in the request itself rather than in the
 * container's error dispatch: there the method is lost, and a multipart body would be parsed (and
 * refused) a second time. Features' own advice comes first for their controllers.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RoutingProblemsAdvice {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> noRoute(NoResourceFoundException e, HttpServletRequest request) {
        return answer(EdgeProblems.notFound(request.getRequestURI()), null);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> wrongMethod(
            HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return answer(
                EdgeProblems.methodNotAllowed(request.getMethod(), request.getRequestURI()),
                headers);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadableUpload(
            MultipartException e, HttpServletRequest request) {
        return answer(EdgeProblems.unreadableUpload(request.getRequestURI(), e), null);
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail body, HttpHeaders headers) {
        return ResponseEntity.status(body.getStatus())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
