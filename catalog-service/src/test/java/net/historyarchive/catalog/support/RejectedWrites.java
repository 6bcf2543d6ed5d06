package net.historyarchive.catalog.support;

import io.restassured.response.ValidatableResponse;

import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sends a write that must be rejected and proves that it wrote nothing at all. */
public final class RejectedWrites {

    private final CatalogDb db;

    public RejectedWrites(CatalogDb db) {
        this.db = db;
    }

    /** @return the response of {@code write}, after checking that no table changed. */
    public ValidatableResponse send(Supplier<ValidatableResponse> write) {
        CatalogDb.Counts before = db.counts();
        ValidatableResponse response = write.get();
        assertEquals(before, db.counts(), "a rejected write must not change any table");
        return response;
    }
}
