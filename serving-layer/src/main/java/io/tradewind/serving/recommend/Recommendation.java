package io.tradewind.serving.recommend;

/**
 * One recommended item as a shop sees it: what, how strongly, and where it came from, so the shop can explain it
 * ("because people in your country buy it").
 *
 * @param source {@code batch} (a model's nightly list), {@code realtime} (the speed layer's list) or
 *               {@code popular} (cold start or padding)
 * @param because for people: {@code model FreshBlend}, {@code neighbour of 85123A}, {@code popular in segment active}
 */
public record Recommendation(String item, String title, double score, String source, String because) {
}
