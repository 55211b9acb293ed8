/**
 * Elasticsearch side of serving: the product catalogue built per batch-view version behind an alias
 * ({@link io.tradewind.serving.catalogue.CatalogueIndex}) and personalised product search
 * ({@link io.tradewind.serving.catalogue.ProductSearch}). Mapping, ranking formula and reasons:
 * {@code serving-layer/docs/catalogue-index.md}.
 */
package io.tradewind.serving.catalogue;
