package org.synfire.datasets;

import org.synfire.chip.api.data.Samples;

/** Test helper: how many samples of a set carry each label. */
final class LabelCounts {

    private LabelCounts() {
    }

    /** The number of samples of each class, indexed by label. */
    static int[] of(Samples s) {
        int[] counts = new int[s.classes()];
        for (int label : s.labels()) {
            counts[label]++;
        }
        return counts;
    }
}
