package org.synfire.cli.internal.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.synfire.cli.internal.experiment.ConfigurationException;

/**
 * The command line that runs one point in a process of its own: this JVM's java, module path and class path
 * (what the launcher gave it) with a bounded heap, then {@code synfire sweep point DIR ID} and the options that
 * say where data and plugins are.
 *
 * @param java        the java command and its options, up to and including the main module or class
 * @param passThrough options of the {@code synfire} command every point gets (data, plugins), paths absolute
 */
public record PointCommand(List<String> java, List<String> passThrough) {

    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]");

    public PointCommand {
        java = List.copyOf(java);
        passThrough = List.copyOf(passThrough);
    }

    /**
     * The command of this JVM with heap {@code heap} (as -Xmx takes it, e.g. {@code 1g}).
     *
     * @throws ConfigurationException if the heap is not of that form
     */
    public static PointCommand ofThisJvm(String heap, List<String> passThrough) {
        if (!HEAP.matcher(heap).matches()) {
            throw new ConfigurationException("--heap " + heap + ": expected a size as java -Xmx takes it, e.g. 1g or 800m");
        }
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.add("-Xmx" + heap);
        String home = System.getProperty("synfire.home");
        if (home != null) {
            java.add("-Dsynfire.home=" + home);
        }
        if (ModuleLayer.boot().findModule("org.jline.nativ").isPresent()) {
            java.add("--enable-native-access=org.jline.nativ"); // as the launcher: the progress bar's native part
        }
        String modulePath = System.getProperty("jdk.module.path");
        String classPath = System.getProperty("java.class.path");
        boolean named = PointCommand.class.getModule().isNamed() && modulePath != null && !modulePath.isEmpty();
        if (named) {
            java.addAll(List.of("--add-modules", "ALL-MODULE-PATH", "-p", modulePath));
        }
        if (classPath != null && !classPath.isEmpty()) {
            java.addAll(List.of("-cp", classPath));
        }
        if (named) {
            java.addAll(List.of("-m", "org.synfire.cli/org.synfire.cli.Main"));
        } else {
            java.add("org.synfire.cli.Main");
        }
        return new PointCommand(java, passThrough);
    }

    /** The whole command that runs point {@code id} of the sweep in {@code sweep}. */
    public List<String> forPoint(Path sweep, String id) {
        List<String> command = new ArrayList<>(java);
        command.addAll(List.of("sweep", "point", sweep.toAbsolutePath().normalize().toString(), id, "--quiet"));
        command.addAll(passThrough);
        return command;
    }
}
