package org.mdsens.app.sweep;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One shard of a sweep: shard {@code index} of {@code count} (0-based) runs the chains c with
 * c mod count = index (DESIGN.md §5). Deterministic: the same sweep and shard always run the same
 * chains. Immutable.
 *
 * @param index 0 ≤ index &lt; count
 * @param count the number of shards, ≥ 1
 */
public record ShardSpec(int index, int count) {

    /** The whole sweep: shard 0 of 1. */
    public static final ShardSpec ALL = new ShardSpec(0, 1);

    private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");

    public ShardSpec {
        if (count < 1) throw new IllegalArgumentException("shard count must be >= 1, got " + count);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("shard index must be in [0, " + (count - 1) + "], got " + index);
        }
    }

    /** True when this shard runs chain {@code chain}. */
    public boolean owns(int chain) {
        return Math.floorMod(chain, count) == index;
    }

    /** True for the whole sweep (0/1). */
    public boolean whole() {
        return count == 1;
    }

    /** {@code I/N}. */
    @Override public String toString() {
        return index + "/" + count;
    }

    /** Parses {@code I/N} (0-based I); throws {@link IllegalArgumentException} with a message saying the form. */
    public static ShardSpec parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("--shard must be I/N with 0 <= I < N (0-based, like 0/3), got '" + text + "'");
        }
        int i;
        int n;
        try {
            i = Integer.parseInt(m.group(1));
            n = Integer.parseInt(m.group(2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard must be I/N with 0 <= I < N (0-based, like 0/3), got '" + text + "'");
        }
        if (n < 1 || i >= n) {
            throw new IllegalArgumentException("--shard must be I/N with 0 <= I < N (0-based, like 0/3), got '" + text + "'");
        }
        return new ShardSpec(i, n);
    }

    /**
     * The shard of a Slurm array task, or null outside one: I = SLURM_ARRAY_TASK_ID −
     * SLURM_ARRAY_TASK_MIN (divided by SLURM_ARRAY_TASK_STEP when the array has a step) and
     * N = SLURM_ARRAY_TASK_COUNT (DESIGN.md §5). Throws {@link IllegalArgumentException} when the
     * variables are present but inconsistent.
     *
     * @param env the environment ({@link System#getenv()})
     */
    public static ShardSpec fromSlurm(Map<String, String> env) {
        String id = env.get("SLURM_ARRAY_TASK_ID");
        if (id == null || id.isBlank()) return null;
        long task = slurmNumber(env, "SLURM_ARRAY_TASK_ID");
        long min = env.containsKey("SLURM_ARRAY_TASK_MIN") ? slurmNumber(env, "SLURM_ARRAY_TASK_MIN") : 0;
        long step = env.containsKey("SLURM_ARRAY_TASK_STEP") ? slurmNumber(env, "SLURM_ARRAY_TASK_STEP") : 1;
        long count;
        if (env.containsKey("SLURM_ARRAY_TASK_COUNT")) {
            count = slurmNumber(env, "SLURM_ARRAY_TASK_COUNT");
        } else if (env.containsKey("SLURM_ARRAY_TASK_MAX")) {
            count = (slurmNumber(env, "SLURM_ARRAY_TASK_MAX") - min) / Math.max(1, step) + 1;
        } else {
            throw new IllegalArgumentException("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not: "
                    + "give the shard explicitly with --shard I/N");
        }
        if (step < 1) step = 1;
        long offset = task - min;
        if (offset < 0 || offset % step != 0 || offset / step >= count) {
            throw new IllegalArgumentException("the Slurm array variables must give 0 <= (ID - MIN)/STEP < COUNT, got "
                    + "SLURM_ARRAY_TASK_ID=" + task + ", MIN=" + min + ", STEP=" + step + ", COUNT=" + count
                    + ": give the shard explicitly with --shard I/N");
        }
        return new ShardSpec((int) (offset / step), (int) count);
    }

    private static long slurmNumber(Map<String, String> env, String name) {
        String v = env.get(name);
        try {
            return Long.parseLong(v.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " must be an integer, got '" + v + "'");
        }
    }
}
