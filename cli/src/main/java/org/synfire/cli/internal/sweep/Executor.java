package org.synfire.cli.internal.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/** Where a sweep's points run: child processes on this machine, or a SLURM job array. */
public sealed interface Executor permits LocalExecutor, SlurmExecutor {

    /**
     * Runs {@code points} (none of them done or running) and returns when every one has ended, or at once if
     * the executor was asked not to wait.
     *
     * @return whether the points ended (false: they were left to run on, as with {@code --detach})
     */
    boolean run(SweepDirectory dir, List<SweepPoint> points, PointCommand command, PrintWriter out)
            throws IOException, InterruptedException;

    /** The executor's name as {@code --executor} takes it. */
    String name();
}
