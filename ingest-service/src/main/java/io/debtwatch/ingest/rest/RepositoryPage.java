package io.debtwatch.ingest.rest;

import java.util.List;

/**
 * One page of repositories.
 *
 * @param items the repositories
 * @param page  the page number, from 0
 * @param size  the page size
 * @param total repositories matching in all
 */
public record RepositoryPage(List<RepositoryView> items, int page, int size, long total) {
}
