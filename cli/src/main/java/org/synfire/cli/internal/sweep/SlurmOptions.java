package org.synfire.cli.internal.sweep;

import java.time.Duration;
import java.util.List;

/**
 * How a sweep's SLURM job array is submitted and watched.
 *
 * @param partition   {@code --partition}, or null for the cluster's default
 * @param time        {@code --time} per task, e.g. {@code 2:00:00}, or null for the partition's default
 * @param cpusPerTask {@code --cpus-per-task}, or null
 * @param mem         {@code --mem} per task, e.g. {@code 2G}, or null
 * @param sbatchArgs  more arguments for sbatch, as given
 * @param parallel    tasks at once ({@code --array=...%N}), or null for no limit
 * @param detach      return once submitted instead of waiting for the tasks
 * @param poll        time between looks at the queue while waiting
 */
public record SlurmOptions(String partition, String time, Integer cpusPerTask, String mem, List<String> sbatchArgs,
        Integer parallel, boolean detach, Duration poll) {

    public SlurmOptions {
        sbatchArgs = sbatchArgs == null ? List.of() : List.copyOf(sbatchArgs);
    }
}
