package org.synfire.datasets.preprocess;

/** One-hot targets: for each label a row of {@code classes} values, 1 at the label's place, 0 elsewhere. */
public final class OneHot {

    private OneHot() {
    }

    /**
     * The one-hot rows of {@code labels}, row after row ({@code labels.length * classes} values).
     *
     * @throws IllegalArgumentException if a label is outside 0 .. classes - 1
     */
    public static byte[] encode(int[] labels, int classes) {
        if (classes <= 0) {
            throw new IllegalArgumentException("one-hot: classes " + classes + " must be positive");
        }
        byte[] out = new byte[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("one-hot: label " + labels[i] + " of sample " + i
                        + " is outside 0.." + (classes - 1));
            }
            out[i * classes + labels[i]] = 1;
        }
        return out;
    }
}
