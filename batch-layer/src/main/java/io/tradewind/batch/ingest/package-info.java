/**
 * Imports CSV exports into the master data set.
 * <pre>
 * ImportSummary summary = new EventImporter(hadoopConf).run(
 *         ImportRequest.of("online-retail", "data/online_retail.csv.gz", "hdfs://nn:8020/tradewind/master")
 *                 .withProgress(progressBar));
 * </pre>
 * Every row read is counted once: {@code read = written + alreadyPresent + skipped + rejected}; rejected rows
 * are written to {@code <root>/_rejects/<import id>.csv}. Failures are {@link
 * io.tradewind.batch.ingest.ImportException}s with a one-line message, and leave the master data set as it was.
 * {@link io.tradewind.batch.ingest.ImportRequest#withEventsBefore} imports up to a cut and counts later events as
 * skipped; {@link io.tradewind.batch.ingest.EventSlice} reads such held-back events back, with the same ids, for a
 * replay through the speed layer.
 */
package io.tradewind.batch.ingest;
