package org.synfire.chip.api.data;

/**
 * A data set ready for a circuit: its training and test samples, preprocessed.
 *
 * @param id    the data set's id, e.g. {@code mnist20}
 * @param train the training samples
 * @param test  the test samples
 */
public record Dataset(String id, Samples train, Samples test) {

    public Dataset {
        if (train.dimension() != test.dimension() || train.classes() != test.classes()) {
            throw new IllegalArgumentException("data set " + id + ": training samples (dimension "
                    + train.dimension() + ", " + train.classes() + " classes) and test samples (dimension "
                    + test.dimension() + ", " + test.classes() + " classes) differ");
        }
    }
}
