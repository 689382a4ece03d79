package org.synfire.datasets.preprocess;

import java.util.ArrayList;
import java.util.List;

import org.synfire.datasets.Images;

/**
 * Preprocessing steps applied one after the other.
 *
 * @param steps the steps, first applied first
 */
public record Pipeline(List<ImageStep> steps) {

    public Pipeline {
        steps = List.copyOf(steps);
    }

    /** A pipeline of these steps. */
    public static Pipeline of(ImageStep... steps) {
        return new Pipeline(List.of(steps));
    }

    /** This pipeline followed by {@code step}. */
    public Pipeline then(ImageStep step) {
        List<ImageStep> all = new ArrayList<>(steps);
        all.add(step);
        return new Pipeline(all);
    }

    /** The images after every step. */
    public Images apply(Images images) {
        Images result = images;
        for (ImageStep step : steps) {
            result = step.apply(result);
        }
        return result;
    }
}
