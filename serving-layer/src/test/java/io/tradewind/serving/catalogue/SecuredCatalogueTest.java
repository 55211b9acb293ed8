package io.tradewind.serving.catalogue;

import static io.tradewind.serving.catalogue.CatalogueFixture.ITEMS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.contracts.catalogue.ElasticsearchCredentials;
import io.tradewind.core.progress.ProgressListener;
import io.tradewind.infra.embedded.EmbeddedElasticsearch;
import java.io.File;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A managed Elasticsearch (Elastic Cloud) refuses anonymous requests: the catalogue is built and searched as the
 * configured user, on a real server with security on.
 */
class SecuredCatalogueTest {
    private static final ElasticsearchCredentials USER = new ElasticsearchCredentials("tradewind", "not-the-default-1");

    @TempDir
    static File workDir;
    static EmbeddedElasticsearch server;

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedElasticsearch.builder(workDir).basicAuth(USER.username(), USER.password()).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theCatalogueIsBuiltAndSearchedAsTheConfiguredUser() {
        try (ElasticsearchConnection es = ElasticsearchConnection.builder(server.uri()).credentials(USER).open()) {
            new CatalogueIndex(es, "secured", 3).build("v1", ITEMS, List.of(), ProgressListener.NONE);
            long found = new ProductSearch(es, "secured")
                    .search(new SearchRequest(null, null, null, null, null, 1, 1), Optional.empty()).total();
            assertEquals(ITEMS.size(), found);
        }
    }

    @Test
    void withoutTheUserTheServerRefusesAndTheErrorSaysSo() {
        try (ElasticsearchConnection anonymous = ElasticsearchConnection.open(server.uri());
             ElasticsearchConnection wrong = ElasticsearchConnection.builder(server.uri())
                     .credentials(new ElasticsearchCredentials(USER.username(), "wrong-password")).open()) {
            for (ElasticsearchConnection es : List.of(anonymous, wrong)) {
                ElasticsearchRequestException refused = assertThrows(ElasticsearchRequestException.class,
                        es::clusterStatus);
                assertEquals(401, refused.status(), refused.getMessage());
                assertTrue(refused.getMessage().contains("failed with 401"), refused.getMessage());
            }
        }
    }
}
