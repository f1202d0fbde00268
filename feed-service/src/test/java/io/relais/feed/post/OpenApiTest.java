package io.relais.feed.post;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The published OpenAPI document describes the write side's endpoints, with examples. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class OpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyWriteSideEndpointIsDescribedWithExamples() {
        Map<String, Object> doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().as(Map.class);
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        assertThat(paths).containsKeys("/api/posts", "/api/posts/{id}", "/api/posts/{postId}/comments",
                "/api/posts/{postId}/reactions/mine", "/api/communities", "/api/communities/{slug}/join",
                "/api/communities/{slug}/requests/{login}/approve", "/api/communities/{slug}/invitations",
                "/api/follows/{kind}/{id}", "/api/attachments", "/api/announcements", "/api/announcements/{id}/dismiss");
        String json = given().queryParam("format", "json").get("/q/openapi").asString();
        assertThat(json).contains("\"example\"").contains("projet-atlas").contains("celebrate");
        Map<String, Object> create = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/posts")).get("post");
        assertThat(create).containsKeys("summary", "requestBody", "responses", "security");
    }
}
