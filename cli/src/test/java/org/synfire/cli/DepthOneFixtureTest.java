package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.cli.internal.run.WeightsFile;

/**
 * The sBP circuit with one hidden layer of 400 units is exactly the circuit it was before circuits became
 * data (depth N): trained on the emulated chip for 1,000 samples of the embedded MNIST subset, seed 1, it
 * learns the weights the hand-written 12-phase circuit learned. The fixture is the SHA-256 of w1, w2, w2Tp
 * and w2Tm (int32 little endian, row-major, in that order) of that run at commit 366a9d1, made with
 * {@code synfire train --circuit sbp --dataset mnist20-mini --train-samples 1000 --epochs 1 --checkpoint-every 1
 * --seed 1} (then the paper's initialisation was the default; now {@code --circuit-option init=spec} asks for it)
 * and hashed with numpy; the same 1,000 digits of the full MNIST files give the same hash.
 */
class DepthOneFixtureTest {

    private static final String FIXTURE = "e62930336597c2dca121efb4e5b8cc8330fc23657a9e21dc19213d63bdb48967";

    @TempDir
    Path temp;

    @Test
    void oneHiddenLayerLearnsTheWeightsOfTheHandWrittenCircuit() throws IOException, NoSuchAlgorithmException {
        CliRun run = CliRun.of("train", "--circuit", "sbp", "--dataset", "mnist20-mini", "--train-samples", "1000",
                "--test-samples", "200", "--epochs", "1", "--checkpoint-every", "1", "--seed", "1", "--circuit-option", "init=spec", "--runs",
                temp.toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        Path dir;
        try (Stream<Path> runs = Files.list(temp)) {
            dir = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Map<String, int[][]> weights = WeightsFile.readWeights(dir.resolve("weights.npz"));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String name : List.of("w1", "w2", "w2Tp", "w2Tm")) {
            for (int[] row : weights.get(name)) {
                ByteBuffer bytes = ByteBuffer.allocate(row.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                bytes.asIntBuffer().put(row);
                sha.update(bytes.array());
            }
        }
        assertEquals(FIXTURE, HexFormat.of().formatHex(sha.digest()));
    }
}
