package io.tradewind.serving.catalogue;

/**
 * A physical catalogue index: its name, the batch-view version it holds, when its build started, whether the build
 * finished (only complete indices can go live) and whether the alias points at it now.
 */
public record CatalogueIndexInfo(String index, String version, long builtAtMillis, boolean complete, boolean live) {
}
