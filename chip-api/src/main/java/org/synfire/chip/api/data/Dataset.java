package org.synfire.chip.api.data;

import java.util.List;
import java.util.Objects;

/**
 * A data set ready for a circuit: its training and test samples, preprocessed, and the files they were
 * read from.
 *
 * <p>A provider that reads files reports each with the SHA-256 of its bytes, so that a run records
 * exactly which data it trained on (run.json); one that makes its samples up, or cannot say, reports
 * none ({@link #Dataset(String, Samples, Samples)}).
 *
 * @param id    the data set's id, e.g. {@code mnist20}
 * @param train the training samples
 * @param test  the test samples
 * @param files the files read to make the samples, in the order read (empty if none, or not known)
 */
public record Dataset(String id, Samples train, Samples test, List<DataFile> files) {

    public Dataset {
        if (train.dimension() != test.dimension() || train.classes() != test.classes()) {
            throw new IllegalArgumentException("data set " + id + ": training samples (dimension "
                    + train.dimension() + ", " + train.classes() + " classes) and test samples (dimension "
                    + test.dimension() + ", " + test.classes() + " classes) differ");
        }
        files = List.copyOf(Objects.requireNonNull(files, "data set " + id + ": files (use List.of())"));
    }

    /** A data set that reports no files read (made up, or not known). */
    public Dataset(String id, Samples train, Samples test) {
        this(id, train, test, List.of());
    }
}
