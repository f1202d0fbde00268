package io.relais.profile.directory;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.relais.profile.Fixtures.WAIT;
import static io.relais.profile.Fixtures.admin;
import static io.relais.profile.Fixtures.as;
import static io.relais.profile.Fixtures.employee;
import static io.relais.profile.Fixtures.hr;
import static io.relais.profile.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class DirectoryTest {

    @Test
    void filtersCombineDepartmentLocationAndSkill() {
        String dept = unique("Robotics");
        String a = unique("amir");
        String b = unique("bea");
        String c = unique("cyril");
        for (String login : List.of(a, b, c)) {
            as(employee(login)).get("/api/people/me").then().statusCode(200);
            as(admin()).body("{\"department\":\"" + dept + "\",\"location\":\"" + (login.equals(c) ? "Paris" : "Lyon") + "\"}")
                    .patch("/api/people/{login}", login).then().statusCode(200);
        }
        as(employee(b)).body("{\"skills\":[\"ROS\"]}").patch("/api/people/me").then().statusCode(200);

        as(employee("alice")).queryParam("department", dept.toUpperCase()).get("/api/people").then().statusCode(200)
                .body("items.login", contains(a, b, c));
        as(employee("alice")).queryParam("department", dept).queryParam("location", "lyon").get("/api/people")
                .then().body("items.login", contains(a, b));
        as(employee("alice")).queryParam("department", dept).queryParam("location", "Lyon").queryParam("skill", "ros")
                .get("/api/people").then().body("items.login", contains(b)).body("items[0].department", equalTo(dept));
    }

    @Test
    void pagesFollowTheCursorUntilTheEnd() {
        String dept = unique("Archives");
        List<String> logins = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String login = unique("page" + i);
            logins.add(login);
            as(employee(login)).get("/api/people/me").then().statusCode(200);
            as(admin()).body("{\"department\":\"" + dept + "\"}").patch("/api/people/{login}", login).then().statusCode(200);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var spec = as(employee("alice")).queryParam("limit", 2);
            if (cursor != null) spec.queryParam("cursor", cursor);
            var page = spec.get("/api/departments/{name}/members", dept).then().statusCode(200).extract();
            seen.addAll(page.path("items.login"));
            cursor = page.path("next");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(logins.stream().sorted().toList());
    }

    @Test
    void badPagingParametersAreRefused() {
        as(employee("alice")).queryParam("limit", 0).get("/api/people").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        as(employee("alice")).queryParam("cursor", "%%%").get("/api/people").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    /**
     * A cursor this API did not issue is refused naming {@code cursor}, as feed-service refuses one: {@code garbage} is
     * well-formed base64url, and answered 200 {@code {"items":[],"next":null}} (decoded to bytes no login has, it sorted
     * after everyone), an empty directory instead of the client's mistake.
     */
    @Test
    void aCursorThisApiDidNotIssueIsRefusedNamingCursor() {
        for (String cursor : List.of("garbage", "YWxpY2U=", "YWxpY2U", "QUxJQ0U", "PHNjcmlwdD4")) { // "alice" padded and bare, upper case, "<script>"
            as(employee("alice")).queryParam("cursor", cursor).get("/api/people").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
        }
        as(employee("alice")).queryParam("cursor", "garbage").get("/api/departments/{name}/members", "Data").then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
        String issued = as(employee("alice")).queryParam("limit", 1).get("/api/people").then().statusCode(200)
                .extract().path("next");
        as(employee("alice")).queryParam("cursor", issued).get("/api/people").then().statusCode(200); // as issued
    }

    @Test
    void theManagerChainGoesUpToTheTop() {
        String ceo = unique("ceo");
        String vp = unique("vp");
        String dev = unique("dev");
        hr("employee.hired", ceo).with("title", "CEO").publish();
        hr("employee.hired", vp).with("title", "VP").with("manager", ceo).publish();
        hr("employee.hired", dev).with("title", "Developer").with("manager", vp).publish();

        await().atMost(WAIT).untilAsserted(() -> as(employee("alice")).get("/api/people/{login}/manager-chain", dev)
                .then().statusCode(200).body("login", contains(vp, ceo)).body("[1].title", equalTo("CEO")));
        as(employee("alice")).get("/api/people/{login}/manager-chain", ceo).then().statusCode(200).body("[0]", nullValue());
    }
}
