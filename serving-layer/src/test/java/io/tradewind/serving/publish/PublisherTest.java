package io.tradewind.serving.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.core.progress.ProgressListener;
import io.tradewind.serving.ServingConfig;
import io.tradewind.serving.ServingLayer;
import io.tradewind.serving.ServingStack;
import io.tradewind.serving.ServingTestViews;
import io.tradewind.serving.SharedHBase;
import io.tradewind.serving.catalogue.CatalogueIndexInfo;
import io.tradewind.contracts.hbase.HBaseStoreSettings;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Publish and rollback keep HBase and Elasticsearch on the same version through retention: the catalogue keeps an
 * index for every version HBase keeps, and a rollback that cannot switch both switches neither. Own namespace and
 * alias on the shared stores.
 */
@ExtendWith({SharedHBase.class, ServingStack.class})
class PublisherTest {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private ServingLayer layer;
    private String views;

    /** Each test its own namespace, alias and views root: one's leftovers cannot be another's state. */
    @BeforeEach
    void open() throws Exception {
        ServingStack.Running stack = ServingStack.running();
        String name = "pub" + RUNS.incrementAndGet();
        views = stack.hdfs().uri() + "/" + name + "/views";
        ServingConfig config = new ServingConfig(SharedHBase.configuration(), stack.hdfs().configuration(),
                HBaseStoreSettings.defaults().withNamespace(name).withRegionsPerTable(1),
                stack.elasticsearch().uri(), null, "catalogue-" + name, stack.events(), stack.dir().resolve(name + ".json"),
                "127.0.0.1", 0, ServingConfig.DEFAULT_MODEL, 1_000, 1_000,
                io.tradewind.serving.admin.SessionPolicy.defaults());
        layer = ServingLayer.open(config, ProgressListener.NONE);
    }

    @AfterEach
    void close() {
        layer.close();
    }

    @Test
    void rollbacksAfterRetentionFindBothHalvesOfTheVersion() throws Exception {
        for (String v : new String[] {"p1", "p2", "p3", "p4"}) {
            publish(v);
        }
        assertEquals("p3", layer.publisher().rollback().to());
        assertBothServe("p3");
        assertEquals("p2", layer.publisher().rollback().to());
        assertBothServe("p2");

        publish("p5");
        assertEquals("p2", layer.publisher().rollback().to(), "back to where the operator was before p5");
        assertBothServe("p2");
        for (String kept : layer.registry().versions().stream().map(v -> v.version()).toList()) {
            assertEquals(1, layer.catalogue().indices().stream().filter(i -> i.complete() && i.version().equals(kept)).count(),
                    "the catalogue keeps an index for every version HBase keeps: " + kept);
        }
    }

    @Test
    void aRollbackThatCannotSwitchBothStoresSwitchesNeither() throws Exception {
        publish("q1");
        publish("q2");
        String index = layer.catalogue().indices().stream().filter(i -> i.version().equals("q1")).findFirst()
                .orElseThrow().index();
        layer.catalogue().retainVersions(List.of("q2")); // q1's index lost, as after a bad manual clean-up
        assertEquals(0, layer.catalogue().indices().stream().filter(i -> i.index().equals(index)).count());

        assertThrows(IllegalStateException.class, () -> layer.publisher().rollback());
        assertBothServe("q2");
    }

    @Test
    void publishingTheServingVersionAgainDoesNothing() throws Exception {
        publish("r1");
        List<CatalogueIndexInfo> indices = layer.catalogue().indices();

        Publisher.Published again = layer.publisher().publish(views, Optional.of("r1"));
        assertTrue(again.alreadyServing(), "a re-run is a no-op");
        assertEquals(indices, layer.catalogue().indices(), "no catalogue index built or dropped");
        assertBothServe("r1");
    }

    private void publish(String version) throws Exception {
        ServingTestViews.write(views, version, ServingStack.running().hdfs().configuration());
        layer.publisher().publish(views, Optional.of(version));
        assertBothServe(version);
    }

    private void assertBothServe(String version) {
        assertEquals(Optional.of(version), layer.registry().activeVersion());
        assertEquals(version, layer.catalogue().indices().stream().filter(CatalogueIndexInfo::live).findFirst()
                .orElseThrow().version(), "the catalogue alias is on the registry's version");
    }
}
