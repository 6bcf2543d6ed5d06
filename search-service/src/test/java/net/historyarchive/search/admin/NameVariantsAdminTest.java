package net.historyarchive.search.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import net.historyarchive.search.support.CatalogEvents;
import net.historyarchive.search.support.ProblemContract;
import net.historyarchive.search.support.Snapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Archivists add name variants through the API: searches, filters and facets use them without a rebuild. */
@QuarkusTest
class NameVariantsAdminTest {

    private static final String PATH = "/api/v1/admin/name-variants";
    private static final String HO = "Ho Chi Minh | Nguyen Ai Quoc / Nguyễn Ái Quốc | LCNAF \"Hồ, Chí Minh, 1890-1969\" (see from Nguyễn, Ái Quốc)";

    @AfterEach
    void emptyTheList() {
        given().header("Authorization", AdminTokens.admin()).contentType("text/plain").body("").put(PATH).then().statusCode(200);
    }

    @Test
    void anAddedNameIsFoundUnderEverySpellingAndFacetedAsOneWithoutARebuild() {
        String collection = "Ho " + UUID.randomUUID();
        Snapshot ho = new Snapshot("Letter from Ho Chi Minh").people("Ho Chi Minh").collection(collection);
        Snapshot quoc = new Snapshot("Petition of Nguyen Ai Quoc").people("Nguyen Ai Quoc").collection(collection);
        try (CatalogEvents catalog = new CatalogEvents()) {
            catalog.send(ho.id(), ho.json());
            catalog.send(quoc.id(), quoc.json());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> search(collection, "Nguyen Ai Quoc").getList("hits").size() == 1);
        assertThat(search(collection, "Ho Chi Minh").getList("hits.id", String.class)).containsExactly(ho.id().toString());
        assertThat(search(collection, "").getList("facets.person.value", String.class)).containsExactlyInAnyOrder("Ho Chi Minh", "Nguyen Ai Quoc");

        JsonPath replaced = given().header("Authorization", AdminTokens.admin()).contentType("text/plain; charset=UTF-8")
                .body("# added by an archivist\n" + HO + "\n").put(PATH).then().statusCode(200).extract().jsonPath();
        assertThat(replaced.getInt("archivistsEntries")).isEqualTo(1);
        assertThat(replaced.getLong("documentsUpdated")).isGreaterThanOrEqualTo(1);
        assertThat(given().header("Authorization", AdminTokens.admin()).get(PATH).then().statusCode(200).extract().asString()).contains(HO);

        for (String typed : List.of("Ho Chi Minh", "Nguyen Ai Quoc", "Nguyễn Ái Quốc", "Nguyen Ai-quoc")) {
            assertThat(search(collection, typed).getList("hits.id", String.class)).as("q=%s", typed)
                    .containsExactlyInAnyOrder(ho.id().toString(), quoc.id().toString());
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath all = search(collection, "");
            assertThat(all.getList("facets.person.value", String.class)).containsExactly("Ho Chi Minh");
            assertThat(all.getList("facets.person.count", Integer.class)).containsExactly(2);
        });
        assertThat(given().queryParam("collection", collection).queryParam("person", "Nguyen Ai Quoc").get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath().getList("hits")).hasSize(2);
        // the document itself keeps the spelling it was written in
        assertThat(search(collection, "Nguyen Ai Quoc").getList("hits.people.flatten()", String.class))
                .containsExactlyInAnyOrder("Ho Chi Minh", "Nguyen Ai Quoc");
    }

    @Test
    void aListWithBadLinesIsRefusedWithEveryLineNamedAndNothingStored() {
        String bad = HO + "\nStalin | | no spelling given\nBeria | Beriya |\nonly one field\nHo Chi Minh | Nguyen Tat Thanh | a second line for the same name";
        String body = given().header("Authorization", AdminTokens.admin()).contentType("text/plain").body(bad).put(PATH)
                .then().statusCode(400).contentType("application/problem+json").extract().asString();
        assertThat(ProblemContract.violations(body)).isEmpty();
        JsonPath problem = JsonPath.from(body);
        assertThat(problem.getString("type")).isEqualTo("urn:historyarchive:problem:validation-failed");
        assertThat(problem.getList("errors.field", String.class)).containsExactly("line 2", "line 3", "line 4", "line 5");
        assertThat(problem.getList("errors.message", String.class).get(3)).contains("Ho Chi Minh").contains("line 1");
        assertThat(given().header("Authorization", AdminTokens.admin()).get(PATH).then().statusCode(200).extract().asString()).isEmpty();
    }

    @Test
    void onlyAnAdministratorMayChangeTheList() {
        given().contentType("text/plain").body(HO).put(PATH).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", AdminTokens.archivist()).contentType("text/plain").body(HO).put(PATH)
                .then().statusCode(403).contentType("application/problem+json");
        given().get(PATH).then().statusCode(401);
    }

    private static JsonPath search(String collection, String q) {
        var request = given().queryParam("collection", collection).queryParam("facets", "person");
        return (q.isEmpty() ? request : request.queryParam("q", q)).get("/api/v1/search").then().statusCode(200).extract().jsonPath();
    }
}
