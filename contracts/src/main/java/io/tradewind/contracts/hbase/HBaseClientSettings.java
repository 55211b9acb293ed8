package io.tradewind.contracts.hbase;

import io.tradewind.contracts.config.PlatformConfig;
import io.tradewind.contracts.config.PlatformKeys;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HBase client settings as strings, from where the quorum is written once ({@code hbase.zookeeper-quorum}): the
 * speed layer hands them to its operators, the API and the commands build their client configuration from them.
 */
public final class HBaseClientSettings {
    private HBaseClientSettings() {
    }

    /**
     * One {@code host:port} becomes HBase's quorum and client port; several servers go into the quorum as they are
     * ({@code host1:2181,host2:2181}, which HBase accepts). {@code passThrough} entries win.
     *
     * @param znodeParent HBase's parent znode, or null for HBase's default
     */
    public static Map<String, String> of(String quorum, String znodeParent, Map<String, String> passThrough) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = quorum.strip();
        int colon = q.lastIndexOf(':');
        if (!q.contains(",") && colon > 0) {
            out.put("hbase.zookeeper.quorum", q.substring(0, colon));
            out.put("hbase.zookeeper.property.clientPort", q.substring(colon + 1));
        } else {
            out.put("hbase.zookeeper.quorum", q);
        }
        if (znodeParent != null) {
            out.put("zookeeper.znode.parent", znodeParent);
        }
        out.putAll(passThrough);
        return out;
    }

    /** The settings a configuration names; {@code neededBy} says who needs the quorum when it is missing. */
    public static Map<String, String> from(PlatformConfig config, String neededBy) {
        return of(config.required(PlatformKeys.HBASE_ZOOKEEPER_QUORUM, neededBy),
                config.text(PlatformKeys.HBASE_ZNODE_PARENT).orElse(null), config.passThrough(PlatformKeys.HBASE_CONF));
    }
}
