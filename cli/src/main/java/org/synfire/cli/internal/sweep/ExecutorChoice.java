package org.synfire.cli.internal.sweep;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.synfire.cli.internal.experiment.ConfigurationException;
import org.synfire.cli.internal.run.AtomicFiles;

/**
 * The executor a sweep was run with and its options, as the command line gave them; kept in the sweep's
 * {@code executor.json} so that {@code synfire sweep resume DIR} runs the rest the same way.
 *
 * @param executor    {@code local} or {@code slurm}
 * @param parallel    points at once (local: default the cores; SLURM: the array's limit, default none)
 * @param heap        each point's java heap, as -Xmx takes it
 * @param partition   SLURM partition
 * @param time        SLURM time limit per task
 * @param cpusPerTask SLURM CPUs per task
 * @param mem         SLURM memory per task
 * @param sbatchArgs  more sbatch arguments
 * @param detach      SLURM: return once submitted
 * @param pollSeconds SLURM: seconds between looks at the queue
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecutorChoice(
        @JsonProperty("executor") String executor,
        @JsonProperty("parallel") Integer parallel,
        @JsonProperty("heap") String heap,
        @JsonProperty("partition") String partition,
        @JsonProperty("time") String time,
        @JsonProperty("cpus_per_task") Integer cpusPerTask,
        @JsonProperty("mem") String mem,
        @JsonProperty("sbatch_args") List<String> sbatchArgs,
        @JsonProperty("detach") boolean detach,
        @JsonProperty("poll_seconds") Integer pollSeconds) {

    /** The executors {@code --executor} takes. */
    public static final List<String> EXECUTORS = List.of("local", "slurm");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Checks the choice; an unknown executor or a bad number is a one-line error. */
    public ExecutorChoice {
        if (executor == null) {
            executor = "local";
        }
        if (!EXECUTORS.contains(executor)) {
            throw new ConfigurationException("unknown executor '" + executor + "'; expected one of "
                    + String.join(", ", EXECUTORS));
        }
        if (parallel != null && parallel < 1) {
            throw new ConfigurationException("--parallel " + parallel + ": expected at least 1 point at once");
        }
        if (cpusPerTask != null && cpusPerTask < 1) {
            throw new ConfigurationException("--cpus-per-task " + cpusPerTask + ": expected at least 1");
        }
        if (pollSeconds != null && pollSeconds < 1) {
            throw new ConfigurationException("--poll " + pollSeconds + ": expected at least 1 second");
        }
        heap = heap == null ? "1g" : heap;
        sbatchArgs = sbatchArgs == null ? List.of() : List.copyOf(sbatchArgs);
        if (!executor.equals("slurm") && (partition != null || time != null || cpusPerTask != null || mem != null
                || !sbatchArgs.isEmpty() || detach)) {
            throw new ConfigurationException("--partition, --time, --cpus-per-task, --mem, --sbatch-arg and --detach"
                    + " are for --executor slurm");
        }
    }

    /** The executor this choice makes. */
    public Executor create() {
        return switch (executor) {
            case "slurm" -> new SlurmExecutor(new SlurmOptions(partition, time, cpusPerTask, mem, sbatchArgs, parallel,
                    detach, Duration.ofSeconds(pollSeconds == null ? 10 : pollSeconds)), SlurmExecutor.Tools.onPath());
            default -> new LocalExecutor(parallel != null ? parallel : Runtime.getRuntime().availableProcessors());
        };
    }

    /** Writes the choice into the sweep's directory. */
    public void write(SweepDirectory dir) throws IOException {
        AtomicFiles.write(dir.path().resolve("executor.json"), out -> JSON.writeValue(out, this));
    }

    /** The choice the sweep was last run with, if any. */
    public static Optional<ExecutorChoice> read(SweepDirectory dir) throws IOException {
        var file = dir.path().resolve("executor.json");
        return java.nio.file.Files.isRegularFile(file) ? Optional.of(SweepDirectory.read(file, JSON,
                new com.fasterxml.jackson.core.type.TypeReference<ExecutorChoice>() { }, "an executor file"))
                : Optional.empty();
    }
}
