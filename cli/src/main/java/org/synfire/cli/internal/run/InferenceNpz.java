package org.synfire.cli.internal.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.synfire.chip.api.circuit.InferenceNetwork;
import org.synfire.datasets.npy.NpyArray;
import org.synfire.datasets.npy.Npz;

/**
 * A circuit's inference network as an NPZ file for numpy users ({@code synfire export --format npz}). For
 * each layer l = 1 .. L: {@code w<l>} (int32, inputs x outputs, so that {@code x @ w1} is the weighted
 * sum), {@code b<l>} (int32 bias) and {@code threshold<l>} (int32); a unit fires iff
 * {@code x @ w + b > threshold}. Then the scales: {@code layers} (L), {@code weight_exponent} and
 * {@code weight_scale} (float64 2^(6 + exponent): what one weight unit adds to a compartment's current on the chip),
 * and the metadata: whole numbers as int64 and reals as float64 arrays of one element, texts (such as
 * {@code units} and {@code readout}) as int8 arrays of their UTF-8 bytes ({@code z['units'].tobytes().decode()}).
 * Written atomically.
 */
public final class InferenceNpz {

    private InferenceNpz() {
    }

    /** Writes {@code network} and {@code metadata} (String, Long or Double values) to {@code file}. */
    public static void write(Path file, InferenceNetwork network, Map<String, Object> metadata) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        List<InferenceNetwork.Layer> layers = network.layers();
        for (int l = 0; l < layers.size(); l++) {
            InferenceNetwork.Layer layer = layers.get(l);
            int[] transposed = new int[layer.inputs() * layer.outputs()];
            for (int i = 0; i < layer.inputs(); i++) {
                for (int j = 0; j < layer.outputs(); j++) {
                    transposed[i * layer.outputs() + j] = layer.weight(j, i);
                }
            }
            arrays.put("w" + (l + 1), new NpyArray.Int32(new int[] {layer.inputs(), layer.outputs()}, transposed));
            arrays.put("b" + (l + 1), new NpyArray.Int32(new int[] {layer.outputs()}, layer.bias()));
            arrays.put("threshold" + (l + 1), new NpyArray.Int32(new int[] {layer.outputs()}, layer.threshold()));
        }
        arrays.put("layers", number(layers.size()));
        arrays.put("weight_exponent", number(network.weightExponent()));
        // a real: exponents go down to -8, where one weight unit adds 2^-2 (a shift by 6 + exponent < 0 would wrap)
        arrays.put("weight_scale", new NpyArray.Float64(new int[] {1},
                new double[] {Math.scalb(1.0, 6 + network.weightExponent())}));
        arrays.put("units", text(network.units()));
        arrays.put("readout", text(network.readout()));
        metadata.forEach((name, value) -> {
            if (arrays.containsKey(name)) {
                throw new IllegalArgumentException("metadata " + name + " would replace an array of the network");
            }
            arrays.put(name, switch (value) {
                case String s -> text(s);
                case Long n -> number(n);
                case Double d -> new NpyArray.Float64(new int[] {1}, new double[] {d});
                default -> throw new IllegalArgumentException("metadata " + name + ": " + value
                        + " is not a string, whole number or real");
            });
        });
        AtomicFiles.write(file, out -> Npz.write(out, arrays));
    }

    /**
     * Whether {@code arrays} (an NPZ file's) are an inference network {@link #write} wrote: {@code layers},
     * {@code weight_exponent} and {@code threshold1} beside the matrices, which a circuit's weights file never has.
     */
    public static boolean isExport(Map<String, NpyArray> arrays) {
        return arrays.containsKey("layers") && arrays.containsKey("weight_exponent") && arrays.containsKey("threshold1");
    }

    private static NpyArray number(long value) {
        return new NpyArray.Int64(new int[] {1}, new long[] {value});
    }

    private static NpyArray text(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return new NpyArray.Int8(new int[] {utf8.length}, utf8);
    }
}
