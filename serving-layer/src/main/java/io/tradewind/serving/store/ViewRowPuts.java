package io.tradewind.serving.store;

import io.tradewind.contracts.views.ViewJson;
import io.tradewind.contracts.hbase.ListCodec;
import io.tradewind.contracts.hbase.RowKeys;
import io.tradewind.contracts.hbase.ScoredItem;
import io.tradewind.contracts.hbase.ServingTables;
import io.tradewind.contracts.hbase.UserLists;

import io.tradewind.contracts.views.ItemStat;
import io.tradewind.contracts.views.NeighboursView;
import io.tradewind.contracts.views.PopularityView;
import io.tradewind.contracts.views.TopListView;
import io.tradewind.core.portrait.Portrait;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hbase.client.Put;

/**
 * How a batch-view row becomes a Put: one HBase row per user, item or popularity group, the version in the
 * qualifier. A row without its id fails with {@link IllegalArgumentException} (the loader adds file and line).
 */
final class ViewRowPuts {
    private ViewRowPuts() {
    }

    static Put portrait(Portrait p, String version) throws IOException {
        return new Put(RowKeys.salted(required(p.userId(), "userId")))
                .addColumn(ServingTables.PORTRAIT, ServingTables.qualifier(version, ServingTables.PORTRAIT_JSON),
                        ViewJson.MAPPER.writeValueAsBytes(p));
    }

    static Put item(ItemStat item, String version) throws IOException {
        return new Put(RowKeys.salted(required(item.itemId(), "itemId")))
                .addColumn(ServingTables.ITEM, ServingTables.qualifier(version, ServingTables.ITEM_STAT),
                        ViewJson.MAPPER.writeValueAsBytes(item));
    }

    static Put neighbours(NeighboursView view, String version) {
        List<ScoredItem> list = new ArrayList<>();
        for (NeighboursView.Neighbour n : view.neighbours() == null ? List.<NeighboursView.Neighbour>of()
                : view.neighbours()) {
            list.add(new ScoredItem(required(n.item(), "neighbour item"), n.similarity()));
        }
        return new Put(RowKeys.salted(required(view.item(), "item")))
                .addColumn(ServingTables.ITEM, ServingTables.qualifier(version, ServingTables.ITEM_NEIGHBOURS),
                        ListCodec.encodeScored(list));
    }

    static Put popularity(PopularityView view, String version) {
        return new Put(popularityRow(required(view.scope(), "scope"), required(view.group(), "group")))
                .addColumn(ServingTables.POPULAR, ServingTables.qualifier(version, ServingTables.POPULAR_TOP),
                        ListCodec.encodePopularity(view.items() == null ? List.of() : view.items()));
    }

    static Put topList(TopListView view, String version, String model) {
        UserLists lists = new UserLists(scored(view.all()), scored(view.fresh()));
        return new Put(RowKeys.salted(required(view.user(), "user")))
                .addColumn(ServingTables.BATCH, ServingTables.qualifier(version, model),
                        ListCodec.encodeUserLists(lists));
    }

    /** {@code <scope>:<group>}; scopes are fixed words without a colon, groups (countries, segments) follow. */
    static byte[] popularityRow(String scope, String group) {
        if (scope.indexOf(':') >= 0) {
            throw new IllegalArgumentException("scope contains ':': " + scope);
        }
        return ServingTables.bytes(scope + ":" + group);
    }

    private static List<ScoredItem> scored(List<TopListView.Scored> items) {
        List<ScoredItem> out = new ArrayList<>();
        for (TopListView.Scored s : items == null ? List.<TopListView.Scored>of() : items) {
            out.add(new ScoredItem(required(s.item(), "item"), s.score()));
        }
        return out;
    }

    private static String required(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }
}
