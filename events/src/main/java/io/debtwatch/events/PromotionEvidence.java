package io.debtwatch.events;

/**
 * One signal that a prototype is heading to production, carried by {@link PrototypePromoted}.
 *
 * @param signal what was seen: {@code repository-check} (a deployment manifest, CI deploy step or
 *               Dockerfile appeared) or {@code commit-rate} (commits grew markedly)
 * @param name   the check's name, or {@code commits-30d} for the commit rate
 * @param before the value before (false or the commits in the previous 30 days)
 * @param after  the value now (true or the commits in the last 30 days)
 */
public record PromotionEvidence(String signal, String name, String before, String after) {
}
