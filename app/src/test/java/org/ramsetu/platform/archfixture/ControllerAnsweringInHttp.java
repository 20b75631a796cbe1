package org.ramsetu.platform.archfixture;

import org.ramsetu.platform.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The other half of the planted check: a controller is the edge, so its HTTP types are allowed and
 * the rule must not flag them.
 */
@RestController
public class ControllerAnsweringInHttp {

    public ResponseEntity<String> upload(long bytes) {
        if (bytes > 1_000) {
            throw ApiProblem.contentTooLarge("at most 1000 bytes");
        }
        return ResponseEntity.ok("stored");
    }
}
