package org.synfire.cli.internal.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What one evaluation at a checkpoint measured. Accuracies are fractions of the test samples.
 *
 * @param epoch            training progress in epochs, e.g. 0.5 after half the first epoch
 * @param samples          training samples seen so far
 * @param exact            all outputs equal the one-hot target
 * @param top1Spikes       top-1 from the output spikes (lowest index wins ties and silence)
 * @param top1Potential    top-1 from the output potential
 * @param loss             the circuit's loss on the test samples
 * @param samplesPerSecond training throughput since the previous checkpoint
 */
@JsonPropertyOrder({"epoch", "samples", "exact", "top1_spikes", "top1_potential", "loss", "samples_per_second"})
public record CheckpointMetrics(
        @JsonProperty("epoch") double epoch,
        @JsonProperty("samples") long samples,
        @JsonProperty("exact") double exact,
        @JsonProperty("top1_spikes") double top1Spikes,
        @JsonProperty("top1_potential") double top1Potential,
        @JsonProperty("loss") double loss,
        @JsonProperty("samples_per_second") double samplesPerSecond) {

    /** The CSV header, in the order of {@link #csvRow()}. */
    public static final String CSV_HEADER = "epoch,samples,exact,top1_spikes,top1_potential,loss,samples_per_second";

    /** One CSV row; numbers in a locale-independent form. */
    public String csvRow() {
        return String.join(",", Double.toString(epoch), Long.toString(samples), Double.toString(exact),
                Double.toString(top1Spikes), Double.toString(top1Potential), Double.toString(loss),
                Double.toString(samplesPerSecond));
    }
}
