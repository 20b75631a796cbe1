package org.ramsetu.app.web;

import java.net.URI;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.ramsetu.platform.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The problems of the HTTP edge, before any feature's controller runs: a route that does not exist,
 * a method a route does not take, an upload that cannot be read.
 */
final class EdgeProblems {

    private EdgeProblems() {}

    static ProblemDetail notFound(String path) {
        return at(
                path,
                ProblemResponses.body(
                        HttpStatus.NOT_FOUND,
                        "not-found",
                        "Not found",
                        "there is nothing at "
                                + path
                                + "; the routes are described at /v3/api-docs of the platform API"));
    }

    static ProblemDetail methodNotAllowed(String method, String path) {
        return at(
                path,
                ProblemResponses.body(
                        HttpStatus.METHOD_NOT_ALLOWED,
                        "method-not-allowed",
                        "Method not allowed",
                        path
                                + " does not take "
                                + (method == null ? "this method" : method)
                                + "; its Allow header lists the methods it takes"));
    }

    /**
     * An upload that cannot be read: too large (the whole body, or one part's headers, as a file
     * name of hundreds of characters makes them), a file name no file may have, or a body that is
     * not multipart at all.
     */
    static ProblemDetail unreadableUpload(String path, Throwable failure) {
        if (has(failure, MaxUploadSizeExceededException.class)
                || has(failure, SizeException.class)) {
            return at(
                    path,
                    ProblemResponses.body(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "too-large",
                            "Too large",
                            "the upload, or the headers of one of its parts, is larger than this"
                                    + " server accepts; send a smaller file with a shorter file"
                                    + " name"));
        }
        if (has(failure, InvalidFileNameException.class)) {
            return at(
                    path,
                    ProblemResponses.body(
                            HttpStatus.BAD_REQUEST,
                            "unreadable-upload",
                            "Unreadable upload",
                            "the file name holds a character no file name may hold (such as"
                                    + " NUL); rename the file and upload it again"));
        }
        return at(
                path,
                ProblemResponses.body(
                        HttpStatus.BAD_REQUEST,
                        "unreadable-upload",
                        "Unreadable upload",
                        "the body is not readable multipart/form-data: it needs a boundary in its"
                                + " Content-Type and parts separated by it, as a browser's form"
                                + " sends"));
    }

    static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Names the request's own path as the instance (not {@code /error}, where it was answered). */
    static ProblemDetail at(String path, ProblemDetail body) {
        try {
            body.setInstance(URI.create(path));
        } catch (IllegalArgumentException notAUri) {
            // a path Tomcat accepted but java.net.URI does not: the problem goes without it
        }
        return body;
    }
}
