/**
 * Deep Incremental Recommendation (DIR): the speed layer's per-event model update, in plain Java so the Flink
 * job and the offline OR-INC evaluation run exactly the same code.
 *
 * <p>The active batch version's ALS model is the {@link io.tradewind.core.incremental.Teacher} (read-only: item
 * factors, per-user factors, top lists and histories, item neighbours). What the stream learns lives only in a
 * small per-user {@link io.tradewind.core.incremental.UserState} (a correction of the user's teacher vector
 * plus the user's fresh items), because the job keys events by user and keyed state cannot hold parameters
 * that every user's update mutates. {@link io.tradewind.core.incremental.IncrementalModel#update} is
 * {@code state' = update(state, event, teacher, trending)}; it takes one SGD step on
 * <pre>  (1 - alpha - beta) L_rank + alpha L_distill + beta L_drift</pre>
 * ({@link io.tradewind.core.incremental.IncrementalLoss}). Every step reads a bounded number of items (the
 * teacher's top list for the user, the event item's neighbours, the trending items), never the catalogue.
 */
package io.tradewind.core.incremental;
