package io.debtwatch.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void everyEventSurvivesARoundTrip() {
        for (Record event : SampleEvents.all()) {
            String json = EventJson.write(event);
            assertEquals(event, EventJson.read(json, event.getClass()), json);
        }
    }

    @Test
    void instantsAreWrittenAsIsoText() {
        String json = EventJson.write(SampleEvents.discovered());
        assertTrue(json.contains("\"committedAt\":\"2026-11-24T10:15:30Z\""), json);
    }

    @Test
    void unknownFieldsAreIgnoredSoContractsCanGrow() {
        String json = EventJson.write(SampleEvents.registered()).replaceFirst("\\{", "{\"addedLater\":1,");
        assertEquals(SampleEvents.registered(), EventJson.read(json, RepositoryRegistered.class));
    }

    @Test
    void garbageIsAFormatError() {
        assertThrows(EventFormatException.class, () -> EventJson.read("{not json", CommitDiscovered.class));
        assertThrows(EventFormatException.class, () -> EventJson.read("", CommitDiscovered.class));
        assertThrows(EventFormatException.class, () -> EventJson.read("[1,2]", CommitDiscovered.class));
    }

    @Test
    void anEventWithoutItsIdIsAFormatError() {
        EventFormatException e = assertThrows(EventFormatException.class,
                () -> EventJson.read("{\"repoId\":\"r-1\",\"sha\":\"a\",\"depth\":1,\"backfill\":false,\"changedFilesOverflow\":false}", CommitDiscovered.class));
        assertTrue(e.getMessage().contains("eventId"), e.getMessage());
    }

    @Test
    void eventIdsAreDeterministic() {
        assertEquals("r-1:a1b2", EventIds.commit("r-1", "a1b2"));
        assertEquals("r-1:a1b2:1.0.0", EventIds.analysis("r-1", "a1b2", "1.0.0"));
        assertEquals("r-1:a1b2:1.0.0:score-changed", EventIds.scoreEvent("r-1", "a1b2", "1.0.0", "score-changed"));
        assertEquals(SampleEvents.registered().eventId(), RepositoryRegistered.of("r-1", "x", null, "n", "u", "b",
                SampleEvents.AT).eventId());
        assertThrows(IllegalArgumentException.class, () -> EventIds.commit("r-1", " "));
    }

    @Test
    void deadLetterTopicsFollowOneRule() {
        assertEquals("debtwatch.commits.dlq", Topics.deadLetter(Topics.COMMITS));
    }
}
