package org.carebook.availability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Busy intervals merged into sorted, disjoint runs, so a free check is one binary search. */
final class Timeline {

    static final Timeline EMPTY = new Timeline(new Instant[0], new Instant[0]);

    private final Instant[] starts;
    private final Instant[] ends;

    private Timeline(Instant[] starts, Instant[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    static Timeline of(List<Interval> busy) {
        if (busy == null || busy.isEmpty()) {
            return EMPTY;
        }
        var sorted = new ArrayList<>(busy);
        sorted.sort(Comparator.comparing(Interval::start));
        var starts = new ArrayList<Instant>();
        var ends = new ArrayList<Instant>();
        for (Interval next : sorted) {
            int last = ends.size() - 1;
            if (last >= 0 && !next.start().isAfter(ends.get(last))) {
                if (next.end().isAfter(ends.get(last))) {
                    ends.set(last, next.end());
                }
            } else {
                starts.add(next.start());
                ends.add(next.end());
            }
        }
        return new Timeline(starts.toArray(Instant[]::new), ends.toArray(Instant[]::new));
    }

    /** True when no busy run overlaps {@code [from, to)}. */
    boolean isFree(Instant from, Instant to) {
        int low = 0;
        int high = ends.length;
        while (low < high) { // first run that ends after `from`
            int mid = (low + high) >>> 1;
            if (ends[mid].isAfter(from)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low == ends.length || !starts[low].isBefore(to);
    }
}
