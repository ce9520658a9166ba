package io.debtwatch.ingest.repository;

/**
 * Progress of a repository's history backfill, as stored. The walk goes from {@code tip} backwards
 * along first parents; {@code nextSha} is where the next batch starts, so a restart resumes there.
 *
 * @param policy    {@code none}, {@code last}, {@code daily} or {@code all}
 * @param count     commits (last) or days (daily) asked for, 0 for no bound
 * @param state     {@code pending} (not planned yet), {@code running} or {@code done}
 * @param tip       the branch tip the backfill walks from
 * @param planned   commits it will emit in all
 * @param emitted   commits emitted so far
 * @param nextSha   the next commit to look at, null when done
 * @param nextDepth that commit's first-parent depth
 * @param lastDay   for {@code daily}: the last UTC day a commit was taken for
 */
public record BackfillState(String policy, int count, String state, String tip, long planned, long emitted,
        String nextSha, long nextDepth, String lastDay) {

    /**
     * @param policy the policy
     * @param count  its count
     * @return a backfill not planned yet
     */
    public static BackfillState pending(String policy, int count) {
        return new BackfillState(policy, count, "pending", null, 0, 0, null, 0, null);
    }

    /**
     * @return emitted out of planned, as a whole percentage (100 when nothing was planned)
     */
    public int percent() {
        return planned == 0 ? (state.equals("done") ? 100 : 0) : (int) Math.min(100, emitted * 100 / planned);
    }
}
