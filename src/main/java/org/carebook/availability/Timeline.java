package org.carebook.availability;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Busy intervals merged into sorted, disjoint runs, so a free check is one binary search. Times are
 * microseconds since the epoch (PostgreSQL's precision): a 14-day answer makes thousands of checks.
 */
final class Timeline {

    static final Timeline EMPTY = new Timeline(new long[0], new long[0]);

    private final long[] starts;
    private final long[] ends;

    private Timeline(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /**
     * The union of the intervals. Starts and ends are sorted apart, then swept: a run ends where as many
     * intervals have ended as have begun. Intervals that touch join one run.
     */
    static Timeline of(List<Interval> busy) {
        if (busy == null || busy.isEmpty()) {
            return EMPTY;
        }
        int n = busy.size();
        long[] sortedStarts = new long[n];
        long[] sortedEnds = new long[n];
        for (int i = 0; i < n; i++) {
            sortedStarts[i] = micros(busy.get(i).start());
            sortedEnds[i] = micros(busy.get(i).end());
        }
        Arrays.sort(sortedStarts);
        Arrays.sort(sortedEnds);
        long[] starts = new long[n];
        long[] ends = new long[n];
        int runs = 0;
        int open = 0;
        int e = 0;
        for (long start : sortedStarts) {
            while (sortedEnds[e] < start) {
                if (--open == 0) {
                    ends[runs++] = sortedEnds[e];
                }
                e++;
            }
            if (open++ == 0) {
                starts[runs] = start;
            }
        }
        ends[runs++] = sortedEnds[n - 1];
        return new Timeline(Arrays.copyOf(starts, runs), Arrays.copyOf(ends, runs));
    }

    /** True when no busy run overlaps {@code [from, to)}. */
    boolean isFree(long from, long to) {
        int low = 0;
        int high = ends.length;
        while (low < high) { // first run that ends after `from`
            int mid = (low + high) >>> 1;
            if (ends[mid] > from) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low == ends.length || starts[low] >= to;
    }
}
