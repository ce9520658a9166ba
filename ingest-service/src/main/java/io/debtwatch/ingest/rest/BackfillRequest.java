package io.debtwatch.ingest.rest;

/**
 * How much history to analyse on registration.
 *
 * @param policy {@code none}, {@code last}, {@code daily} or {@code all}
 * @param count  commits for {@code last}, days for {@code daily} (optional)
 */
public record BackfillRequest(String policy, Integer count) {
}
