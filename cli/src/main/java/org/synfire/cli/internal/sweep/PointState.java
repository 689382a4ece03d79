package org.synfire.cli.internal.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.synfire.cli.internal.run.AtomicFiles;

/**
 * What is known of one point's attempts, its {@code state/ID.json}: written atomically by the process that runs
 * the point (running, then done or failed), and by the sweep when that process ended without saying (killed).
 *
 * @param status      {@link PointStatus#RUNNING}, {@link PointStatus#DONE} or {@link PointStatus#FAILED}
 * @param attempts    how many times the point was started
 * @param host        the host of the last attempt
 * @param pid         the process of the last attempt
 * @param slurmJob    the SLURM job and task of the last attempt ({@code 12_3}), if it ran under SLURM
 * @param wallSeconds wall time of all attempts so far (of the last one up to its end)
 * @param exitCode    the last attempt's exit code, once known
 * @param error       why the last attempt failed, one line
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PointState(
        @JsonProperty("status") PointStatus status,
        @JsonProperty("attempts") int attempts,
        @JsonProperty("host") String host,
        @JsonProperty("pid") Long pid,
        @JsonProperty("slurm_job") String slurmJob,
        @JsonProperty("wall_seconds") double wallSeconds,
        @JsonProperty("exit_code") Integer exitCode,
        @JsonProperty("error") String error) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The state in {@code file}, or empty if the point never started. */
    public static Optional<PointState> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(SweepDirectory.read(file, JSON,
                new com.fasterxml.jackson.core.type.TypeReference<PointState>() { }, "a point state"));
    }

    /** Writes this state to {@code file}, atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, out -> JSON.writeValue(out, this));
    }

    /** The same point failed: exit code and one line of why. */
    public PointState failed(Integer code, String why) {
        return new PointState(PointStatus.FAILED, attempts, host, pid, slurmJob, wallSeconds, code, why);
    }
}
