package org.ramsetu.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;
import org.ramsetu.platform.web.Created;
import org.ramsetu.platform.web.InheritedOperations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * How a handler that several controllers inherit is described (the donor and patient profiles):
 * each controller's operation id, its own path in the created record's location, and the body type
 * it binds.
 */
class ConventionalResponsesTest {

    record Thing(String name) {}

    abstract static class SharedEndpoints<V> {
        @Created(value = "the thing", location = "{id}", replaced = "the thing")
        @PutMapping("/me")
        public ResponseEntity<V> save() {
            return ResponseEntity.ok().build();
        }
    }

    @RequestMapping("/api/v1/things")
    @InheritedOperations("save=saveMyThing")
    static class ThingController extends SharedEndpoints<Thing> {}

    @RequestMapping("/api/v1/others")
    static class UnnamedController extends SharedEndpoints<Thing> {}

    @Test
    void anInheritedHandlerIsDescribedWithItsControllersIdPathAndBody() throws Exception {
        Operation operation = describe(new ThingController());

        assertThat(operation.getOperationId()).isEqualTo("saveMyThing");
        ApiResponse created = operation.getResponses().get("201");
        assertThat(created.getDescription()).isEqualTo("created: the thing");
        assertThat(created.getHeaders().get("Location").getDescription())
                .isEqualTo("/api/v1/things/{id}");
        assertThat(created.getContent().get("application/json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Thing");
        ApiResponse replaced = operation.getResponses().get("200");
        assertThat(replaced.getDescription()).isEqualTo("replaced: the thing");
        assertThat(replaced.getContent().get("application/json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Thing");
    }

    @Test
    void anInheritedHandlerWithoutAnIdIsNotDescribed() {
        assertThatThrownBy(() -> describe(new UnnamedController()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(UnnamedController.class.getName())
                .hasMessageContaining("@InheritedOperations");
    }

    private static Operation describe(SharedEndpoints<Thing> controller) throws Exception {
        Operation operation = new Operation().operationId("save_1").responses(new ApiResponses());
        return new ConventionalResponses()
                .customize(
                        operation,
                        new Components(),
                        new HandlerMethod(controller, SharedEndpoints.class.getMethod("save")));
    }
}
