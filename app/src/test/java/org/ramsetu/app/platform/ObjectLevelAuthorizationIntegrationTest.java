package org.ramsetu.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ramsetu.platform.api.Accounts;
import org.ramsetu.platform.api.PlatformInstance;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Item 4: walks every {@code /api/v1} route of the running application that takes an id. Routes of
 * users: user B gets 404 (not 200, not 500) for user A's record. Coordinator routes: donors and
 * patients get 403 whatever the id.
 */
class ObjectLevelAuthorizationIntegrationTest {

    @Test
    void everyRouteWithAnIdHasAnOwnershipCase() {
        TreeSet<String> covered = new TreeSet<>();
        OwnershipCases.all().forEach(c -> covered.add(c.method() + " " + c.pattern()));

        assertThat(new TreeSet<>(userRoutesWithId()))
                .as("routes that take an id need a case in OwnershipCases")
                .isEqualTo(covered);
    }

    @TestFactory
    List<DynamicTest> anotherUserGets404ForSomeoneElsesRecord() {
        List<DynamicTest> tests = new ArrayList<>();
        for (OwnershipCases.Case c : OwnershipCases.all()) {
            tests.add(
                    DynamicTest.dynamicTest(
                            c.method() + " " + c.pattern(),
                            () -> {
                                Accounts.SignedIn owner = c.owner().get();
                                String path = c.pathOfOwnedRecord().apply(owner);
                                for (Accounts.SignedIn other :
                                        List.of(Accounts.donor(), Accounts.patient())) {
                                    var response = other.client().send(c.method(), path, c.body());
                                    assertThat(response.status())
                                            .as(
                                                    c.method()
                                                            + " "
                                                            + path
                                                            + " by another user: "
                                                            + response)
                                            .isEqualTo(404);
                                }
                                var own = owner.client().send(c.method(), path, c.body());
                                assertThat(own.status())
                                        .as("the owner is served: " + own)
                                        .isBetween(200, 299);
                            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> donorsAndPatientsGet403OnEveryCoordinatorRoute() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String route : routes(true)) {
            String method = route.substring(0, route.indexOf(' '));
            String path =
                    route.substring(route.indexOf(' ') + 1)
                            .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            tests.add(
                    DynamicTest.dynamicTest(
                            route,
                            () -> {
                                for (Accounts.SignedIn user :
                                        List.of(Accounts.donor(), Accounts.patient())) {
                                    var response =
                                            user.client()
                                                    .send(
                                                            method,
                                                            path,
                                                            method.equals("GET") ? null : "{}");
                                    assertThat(response.status()).as(route).isEqualTo(403);
                                }
                            }));
        }
        return tests;
    }

    private static List<String> userRoutesWithId() {
        return routes(false).stream().filter(r -> r.contains("{")).toList();
    }

    /**
     * The coordinators' part of the API, as SecurityConfiguration guards it: administration, the
     * registry reports and large exports (an export is further the requesting coordinator's own:
     * LargeExportIntegrationTest), the reminders.
     */
    private static boolean isCoordinatorRoute(String pattern) {
        return pattern.startsWith("/api/v1/admin/")
                || pattern.startsWith("/api/v1/reports/")
                || pattern.equals("/api/v1/reports")
                || pattern.startsWith("/api/v1/reminders");
    }

    /** "METHOD /pattern" of every API route, of coordinators or of users. */
    private static List<String> routes(boolean coordinatorRoutes) {
        RequestMappingHandlerMapping mapping =
                PlatformInstance.get()
                        .context()
                        .getBean(
                                "requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<String> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                mapping.getHandlerMethods().entrySet()) {
            for (String pattern : e.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/v1/")
                        || isCoordinatorRoute(pattern) != coordinatorRoutes) {
                    continue;
                }
                e.getKey()
                        .getMethodsCondition()
                        .getMethods()
                        .forEach(m -> routes.add(m.name() + " " + pattern));
            }
        }
        return routes;
    }
}
