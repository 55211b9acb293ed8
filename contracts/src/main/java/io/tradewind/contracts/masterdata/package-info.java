/**
 * The master data set: every behaviour event ever imported, immutable and append-only, on any Hadoop file
 * system ({@code file://}, {@code hdfs://}).
 *
 * <h2>Layout</h2>
 * <pre>
 * &lt;root&gt;/date=YYYY-MM-DD/part-&lt;32 hex&gt;.parquet   events whose timestamp falls on that UTC date
 * &lt;root&gt;/_rejects/&lt;import id&gt;.csv               rows an import rejected (line, reason, detail, raw_row)
 * &lt;root&gt;/_tmp/&lt;write id&gt;/...                     files being written; deleted on commit or abort
 * </pre>
 * Data files are Parquet written by parquet-avro with {@link io.tradewind.core.event.EventSchema} (SNAPPY,
 * 64 MB row groups); {@code timestamp} is INT64 TIMESTAMP(MILLIS, UTC). Names starting with {@code _} or
 * {@code .} are never data, so Hadoop and Flink file inputs skip them as well.
 *
 * <h2>Idempotency</h2>
 * Imported events have deterministic ids. {@link io.tradewind.contracts.masterdata.MasterDatasetAppender} reads the
 * ids already in each partition it touches (the id column only) and drops events it already has. This was chosen
 * over content-hashed file names alone because it also covers overlapping inputs (a day's export, then the
 * year's) and completes an import that crashed half-way through its commit, at the price of reading the id
 * column of the touched partitions. File names are still a hash of their ids, so the same content always gets
 * the same name, and a name that already exists is treated as already committed.
 *
 * <h2>Crash safety</h2>
 * An import's events wait, sorted by date, in runs on local disk; on commit each touched partition is written
 * once under {@code _tmp/} and renamed into its partition (atomic on HDFS and local disks), so an import adds
 * one file per partition whatever its row order. An import that fails or is killed before commit leaves nothing visible; a leftover {@code _tmp/}
 * directory of a killed import can be deleted when no import runs.
 *
 * <h2>Reading</h2>
 * {@link io.tradewind.contracts.masterdata.MasterDatasetReader} lists partitions, the files of a date range (for a
 * Flink {@code FileSource} with {@code AvroParquetReaders.forGenericRecord(EventSchema.avro())}), counts events
 * from Parquet footers and streams events.
 */
package io.tradewind.contracts.masterdata;
