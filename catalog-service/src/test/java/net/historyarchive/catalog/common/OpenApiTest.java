package net.historyarchive.catalog.common;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class OpenApiTest {

    @Test
    void theDocumentListsTheDocumentCollectionAndImportPaths() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", notNullValue())
                .body("info.title", equalTo("Archive catalog API"))
                .body("paths", hasKey("/api/v1/documents"))
                .body("paths", hasKey("/api/v1/documents/{id}"))
                .body("paths", hasKey("/api/v1/documents/import"))
                .body("paths", hasKey("/api/v1/collections"))
                .body("paths", hasKey("/api/v1/collections/{id}"))
                .body("paths.'/api/v1/documents'.keySet()", hasItem("get"))
                .body("paths.'/api/v1/documents'.keySet()", hasItem("post"))
                .body("paths.'/api/v1/documents/{id}'.keySet()", hasItem("patch"))
                .body("paths.'/api/v1/documents/import'.post.requestBody.content", hasKey("application/x-ndjson"))
                .body("paths.'/api/v1/documents/{id}'.patch.requestBody.content", hasKey("application/merge-patch+json"));
    }

    @Test
    void writesDeclareTheBearerSecuritySchemeAndReadsDoNot() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("components.securitySchemes.archivistJwt.type", equalTo("http"))
                .body("components.securitySchemes.archivistJwt.scheme", equalTo("bearer"))
                .body("components.securitySchemes.archivistJwt.bearerFormat", equalTo("JWT"))
                .body("paths.'/api/v1/documents'.post.security.archivistJwt", hasItem(notNullValue()))
                .body("paths.'/api/v1/documents/{id}'.put.security.archivistJwt", hasItem(notNullValue()))
                .body("paths.'/api/v1/documents/import'.post.security.archivistJwt", hasItem(notNullValue()))
                .body("paths.'/api/v1/collections'.post.security.archivistJwt", hasItem(notNullValue()))
                .body("paths.'/api/v1/documents'.get.security", empty())
                .body("paths.'/api/v1/documents/{id}'.get.security", empty())
                .body("paths.'/api/v1/documents'.post.responses.'401'.$ref", equalTo("#/components/responses/Unauthorized"));
    }

    @Test
    void errorsAreDocumentedAsProblemJson() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("components.schemas", hasKey("Problem"))
                .body("paths.'/api/v1/documents'.post.responses.'400'.$ref", equalTo("#/components/responses/BadRequest"))
                .body("paths.'/api/v1/documents/{id}'.put.responses.'412'.$ref", equalTo("#/components/responses/PreconditionFailed"))
                .body("paths.'/api/v1/documents/{id}'.put.responses.'428'.$ref", equalTo("#/components/responses/PreconditionRequired"))
                .body("components.responses.BadRequest.content", hasKey("application/problem+json"))
                .body("components.responses.PreconditionFailed.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"));
    }

    @Test
    void theSwaggerUiAnswers() {
        given().get("/q/swagger-ui").then().statusCode(200).body(containsString("swagger"));
    }
}
