package net.historyarchive.catalog.support;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.ResponseSpecification;

import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Expectations for RFC 9457 problem+json answers. */
public final class Problems {

    public static final String PREFIX = "urn:historyarchive:problem:";

    private Problems() {
    }

    /**
     * status, Content-Type application/problem+json, and the fields type (the given slug), title,
     * status, detail and instance (the request path); the whole body conforms to the error
     * contract shared with search-service (contracts/schemas/problem.v1.schema.json).
     */
    public static ResponseSpecification problem(int status, String typeSlug, String instance) {
        return new ResponseSpecBuilder()
                .expectStatusCode(status)
                .expectHeader("Content-Type", startsWith("application/problem+json"))
                .expectBody("type", equalTo(PREFIX + typeSlug))
                .expectBody("title", not(emptyOrNullString()))
                .expectBody("status", equalTo(status))
                .expectBody("detail", not(emptyOrNullString()))
                .expectBody("instance", equalTo(instance))
                .expectBody(ProblemContract.conforms())
                .build();
    }

    /** A 400 validation-failed problem whose errors list names {@code field}, every error with a message. */
    public static ResponseSpecification invalidField(String instance, String field) {
        return new ResponseSpecBuilder()
                .addResponseSpecification(problem(400, "validation-failed", instance))
                .expectBody("errors.field", hasItem(field))
                .expectBody("errors.message", everyItem(not(emptyOrNullString())))
                .build();
    }
}
