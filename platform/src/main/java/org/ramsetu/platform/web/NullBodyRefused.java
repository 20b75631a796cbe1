package org.ramsetu.platform.web;

import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;
import org.ramsetu.platform.kernel.InvalidInput;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * A body that is the JSON literal {@code null} is refused, not taken as no body: where a body is
 * optional (sign-out, a monthly report) the description says an object or nothing, and a client
 * that sends {@code null} has most likely serialised a value it did not mean to leave empty. A
 * required body of {@code null} is already refused as missing. The platform's controllers only: the
 * actuator reads its own bodies, and a {@code null} there is no arguments, refused as such.
 */
@ControllerAdvice(basePackages = "org.ramsetu.platform")
public class NullBodyRefused extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(
            @Nullable Object body,
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        if (body == null) {
            throw InvalidInput.request(
                    "null-body", "the body is JSON null: send an object, or no body at all");
        }
        return body;
    }
}
