/**
 * HBase side of serving: table layout, loading a batch-view version, the version registry (activate, rollback)
 * and the reads the API makes. Schema and reasons: {@code serving-layer/docs/hbase-schema.md}.
 */
package io.tradewind.serving.store;
