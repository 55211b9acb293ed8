package io.tradewind.infra.local;

import io.tradewind.contracts.config.PlatformConfig;
import io.tradewind.contracts.config.PlatformKeys;
import io.tradewind.contracts.hbase.HBaseClientSettings;
import io.tradewind.infra.serve.ConsumerLag;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.HBaseConfiguration;

/**
 * Asks each component of a running stack, at the addresses its configuration file names, whether it works: a real
 * request to each (not a port probe), each bounded by a few seconds, so a hung component shows as down, not as a hang.
 */
public final class StackHealth {
    /** One component's answer. */
    public record Check(String component, String address, boolean healthy, String detail) {
    }

    private static final Pattern ES_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private StackHealth() {
    }

    public static List<Check> check(PlatformConfig config) {
        List<Check> checks = new ArrayList<>();
        checks.add(api(config));
        checks.add(elasticsearch(config));
        checks.add(kafka(config));
        checks.add(hbase(config));
        checks.add(hdfs(config));
        return checks;
    }

    private static Check api(PlatformConfig config) {
        String url = "http://127.0.0.1:" + config.integer(PlatformKeys.API_PORT);
        return guarded("API", url, () -> {
            int status = get(url + "/health").statusCode();
            return new Check("API", url, status == 200, "GET /health answered " + status);
        });
    }

    private static Check elasticsearch(PlatformConfig config) {
        String url = config.required(PlatformKeys.ELASTICSEARCH_URL, "status").split(",")[0];
        return guarded("Elasticsearch", url, () -> {
            HttpResponse<String> r = get(url + "/_cluster/health");
            Matcher m = ES_STATUS.matcher(r.body());
            String status = m.find() ? m.group(1) : "unknown";
            // One node holds no replicas, so yellow is as good as it gets on one machine.
            return new Check("Elasticsearch", url, r.statusCode() == 200 && Set.of("green", "yellow").contains(status),
                    "cluster " + status);
        });
    }

    private static Check kafka(PlatformConfig config) {
        String servers = config.required(PlatformKeys.KAFKA_BOOTSTRAP_SERVERS, "status");
        String topic = config.required(PlatformKeys.KAFKA_EVENTS_TOPIC, "status");
        return guarded("Kafka + speed layer", servers, () -> {
            Map<String, Object> settings = new java.util.HashMap<>(config.passThrough(PlatformKeys.KAFKA_CONF));
            settings.put("bootstrap.servers", servers);
            settings.put("request.timeout.ms", 5000);
            settings.put("default.api.timeout.ms", 8000);
            try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(settings)) {
                int brokers = admin.describeCluster().nodes().get(8, TimeUnit.SECONDS).size();
                boolean hasTopic = admin.listTopics().names().get(8, TimeUnit.SECONDS).contains(topic);
                if (!hasTopic) {
                    return new Check("Kafka + speed layer", servers, false, brokers + " broker(s), no topic " + topic);
                }
                long lag = new ConsumerLag(admin, topic, config.required(PlatformKeys.KAFKA_CONSUMER_GROUP, "status"))
                        .now();
                return new Check("Kafka + speed layer", servers, true, brokers + " broker(s); topic " + topic
                        + "; events not yet archived by the speed layer: " + lag);
            }
        });
    }

    private static Check hbase(PlatformConfig config) {
        String quorum = config.required(PlatformKeys.HBASE_ZOOKEEPER_QUORUM, "status");
        return guarded("HBase", "ZooKeeper " + quorum, () -> {
            org.apache.hadoop.conf.Configuration conf = HBaseConfiguration.create();
            HBaseClientSettings.from(config, "status").forEach(conf::set);
            // Fail in seconds: the client's defaults retry for minutes.
            conf.setInt("hbase.client.retries.number", 1);
            conf.setInt("zookeeper.recovery.retry", 0);
            conf.setInt("hbase.rpc.timeout", 3000);
            conf.setInt("hbase.client.operation.timeout", 5000);
            try (Connection connection = ConnectionFactory.createConnection(conf); Admin admin = connection.getAdmin()) {
                int servers = admin.getClusterMetrics().getLiveServerMetrics().size();
                String namespace = config.required(PlatformKeys.HBASE_NAMESPACE, "status");
                int tables = admin.listTableNamesByNamespace(namespace).length;
                return new Check("HBase", "ZooKeeper " + quorum, servers > 0,
                        servers + " region server(s); " + tables + " table(s) in namespace " + namespace);
            }
        });
    }

    private static Check hdfs(PlatformConfig config) {
        String views = config.required(PlatformKeys.STORAGE_VIEWS, "status");
        return guarded("HDFS", views, () -> {
            org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
            config.passThrough(PlatformKeys.HADOOP_CONF).forEach(conf::set);
            conf.setInt("ipc.client.connect.max.retries", 0);
            conf.setInt("ipc.client.connect.timeout", 3000);
            try (FileSystem fs = FileSystem.newInstance(URI.create(views), conf)) {
                Path root = new Path(views);
                boolean exists = fs.exists(root);
                return new Check("HDFS", views, true, exists ? "batch views root present" : "no batch views yet");
            }
        });
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private interface Probe {
        Check run() throws Exception;
    }

    private static Check guarded(String component, String address, Probe probe) {
        try {
            return probe.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Check(component, address, false, "interrupted");
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new Check(component, address, false, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }
}
