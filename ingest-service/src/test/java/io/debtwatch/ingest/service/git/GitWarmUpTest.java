package io.debtwatch.ingest.service.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GitWarmUpTest {

    @Test
    void theSampleIsFetchedWithItsWholeHistory() throws Exception {
        assertEquals(GitWarmUp.SAMPLE_COMMITS, GitWarmUp.fetchSample());
    }
}
