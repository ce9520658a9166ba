package io.debtwatch.ingest.repository;

import java.util.List;

/**
 * Progress of a repository's history backfill, as stored. The tip goes first, alone, so a new
 * repository is scored at once; the rest of the history then goes oldest first, so each commit's
 * parent was analysed just before it and every analysis is a delta on its parent's. Git links a
 * commit only to its parents, so the history below the tip is cut into {@link Segment}s, each
 * remembered by its newest commit: a batch walks one segment down from there and emits its oldest
 * commits not emitted yet. The segments are listed once, when the first batch after the tip runs,
 * from {@code nextSha} down.
 *
 * @param policy         {@code none}, {@code last}, {@code daily} or {@code all}
 * @param count          commits (last) or days (daily) asked for, 0 for no bound
 * @param state          {@code pending} (not planned yet), {@code running} or {@code done}
 * @param tip            the branch tip the backfill walks from
 * @param planned        commits it will emit in all
 * @param emitted        commits emitted so far
 * @param nextSha        where the part of the history not cut into segments yet starts, null once cut
 * @param nextDepth      that commit's first-parent depth
 * @param lastDay        for {@code daily}: the UTC day of the commit just newer than {@code nextSha}
 * @param segments       the history below the tip, newest segment first; null until cut
 * @param segment        the index of the segment being emitted, counting down to 0
 * @param segmentEmitted commits of that segment emitted so far, from its oldest
 */
public record BackfillState(String policy, int count, String state, String tip, long planned, long emitted,
        String nextSha, long nextDepth, String lastDay, List<Segment> segments, int segment, int segmentEmitted) {

    /**
     * A stretch of the first-parent chain below the tip.
     *
     * @param sha      its newest commit
     * @param depth    that commit's first-parent depth
     * @param steps    how many commits of the chain it spans, newest first
     * @param childDay for {@code daily}: the UTC day of the commit just newer than {@code sha}
     */
    public record Segment(String sha, long depth, int steps, String childDay) {
    }

    /**
     * @param policy the policy
     * @param count  its count
     * @return a backfill not planned yet
     */
    public static BackfillState pending(String policy, int count) {
        return new BackfillState(policy, count, "pending", null, 0, 0, null, 0, null, null, 0, 0);
    }

    /**
     * @return emitted out of planned, as a whole percentage (100 when nothing was planned)
     */
    public int percent() {
        return planned == 0 ? (state.equals("done") ? 100 : 0) : (int) Math.min(100, emitted * 100 / planned);
    }
}
