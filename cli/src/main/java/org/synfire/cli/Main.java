package org.synfire.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.inject.Module;
import com.google.inject.util.Modules;

import org.synfire.cli.internal.runtime.CommandExit;
import org.synfire.cli.internal.runtime.Platform;
import org.synfire.cli.internal.runtime.PluginFailure;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code synfire} command: global options, subcommands, exit codes and error reporting. */
@Command(name = "synfire",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Emulates neuromorphic chips and runs learning circuits on them.",
        subcommands = {RunCommand.class, TrainCommand.class, EvalCommand.class, PlotCommand.class,
            InspectCommand.class, SimulateCommand.class, ExportCommand.class, ImportCommand.class, BenchCommand.class,
            SweepCommand.class, ListCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success",
            "1:failure: the work could not be done (e.g. a data, weights, checkpoint or bundle file is unreadable,"
                + " malformed or refused)",
            "2:usage or configuration error: a wrong option or field, a named file that does not exist",
            "130:stopped by Ctrl-C or SIGTERM (training saves a checkpoint first)"},
        footerHeading = "%nEnvironment of the ./synfire launcher:%n",
        footer = {"  SYNFIRE_HEAP       the java heap limit, as -Xmx takes it; default 1536m",
            "                     (3 x the 512 MiB memory budget), at most half the memory",
            "  SYNFIRE_JAVA_OPTS  more java options; an -Xmx there wins over SYNFIRE_HEAP"})
public final class Main {

    /** Where plugin jars are looked for unless --plugin-path says otherwise. */
    static final String HOME_PROPERTY = "synfire.home";

    @Option(names = "--plugin-path", scope = ScopeType.INHERIT, split = "${sys:path.separator}",
            paramLabel = "DIR",
            description = "Directories of plugin jars (repeatable, or separated by '${sys:path.separator}'). "
                    + "Default: plugins/ next to the launcher, and ~/.synfire/plugins.")
    List<Path> pluginPath;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    boolean verbose;

    private final Module overrides;
    private final List<String> arguments;
    private Platform platform;

    private Main(Module overrides, List<String> arguments) {
        this.overrides = overrides;
        this.arguments = arguments;
    }

    /** Runs the command line and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, Modules.EMPTY_MODULE, args);
    }

    /** Runs the command line with Guice bindings replaced by {@code overrides} (for tests). */
    public static int run(PrintWriter out, PrintWriter err, Module overrides, String... args) {
        Main main = new Main(overrides, List.of(args));
        CommandLine commandLine = new CommandLine(main);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("synfire: " + oneLine(e));
            if (main.verbose) {
                e.printStackTrace(cmd.getErr());
            }
            cmd.getErr().flush();
            return isUserError(e) ? CommandLine.ExitCode.USAGE : CommandLine.ExitCode.SOFTWARE;
        });
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) { // picocli passes Errors on; the memory is free again once it has unwound
            err.println("synfire: out of memory: the work needs more than the java heap of "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB; give it more with SYNFIRE_HEAP (e.g."
                    + " SYNFIRE_HEAP=4g ./synfire ...)");
            if (main.verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        }
    }

    public static void main(String[] args) {
        CommandExit.install();
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        CommandExit.exit(code); // with this code, whatever threads or shutdown hooks a plugin left
    }

    /** The arguments the command was given, as given (a run records them in its run.json). */
    List<String> arguments() {
        return arguments;
    }

    /** The platform, started on first use with the plugin directories the options name. */
    Platform platform(PrintWriter err) {
        if (platform == null) {
            platform = Platform.start(pluginDirectories(), overrides);
            for (PluginFailure failure : platform.failures()) {
                err.println("synfire: plugin left out: " + failure);
            }
        }
        return platform;
    }

    private List<Path> pluginDirectories() {
        if (pluginPath != null && !pluginPath.isEmpty()) {
            return pluginPath;
        }
        List<Path> defaults = new ArrayList<>();
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null) {
            defaults.add(Path.of(home, "plugins"));
        }
        defaults.add(Path.of(System.getProperty("user.home"), ".synfire", "plugins"));
        return defaults;
    }

    /** Bad input the user can fix: configuration errors and files named that do not exist. */
    static boolean isUserError(Throwable e) {
        return e instanceof IllegalArgumentException || e instanceof java.nio.file.NoSuchFileException;
    }

    /**
     * The error in one line, in words: the first line of its message; never "null", an exception's class
     * name or an index text. Failures that are not described for users (a bug, or a library's own
     * exception) say so and point to --verbose.
     */
    static String oneLine(Throwable e) {
        if (e instanceof java.io.UncheckedIOException unchecked && unchecked.getCause() != null
                && (e.getMessage() == null || e.getMessage().startsWith(unchecked.getCause().getClass().getName()))) {
            return oneLine(unchecked.getCause());
        }
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (e instanceof java.nio.file.AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
            return fs.getFile() + ": " + (fs.getReason() != null ? fs.getReason() : "cannot be read or written");
        }
        boolean described = e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof java.io.IOException || e instanceof UnsupportedOperationException
                || e instanceof java.io.UncheckedIOException;
        String message = e.getMessage();
        if (!described || message == null || message.isBlank() || message.equals("null")) {
            return "internal error (" + words(e) + "); run again with --verbose for the details, and please report it";
        }
        String first = message.strip().lines().findFirst().orElse("").strip();
        return first.length() > 400 ? first.substring(0, 400) + "..." : first;
    }

    /** What kind of failure, in words. */
    private static String words(Throwable e) {
        if (e instanceof NullPointerException) {
            return "a value was missing";
        }
        if (e instanceof IndexOutOfBoundsException || e instanceof NegativeArraySizeException) {
            return "a size or position was out of range";
        }
        if (e instanceof ArithmeticException) {
            return "a number was out of range";
        }
        if (e instanceof ClassCastException) {
            return "a value was of the wrong kind";
        }
        return "an unexpected failure";
    }

    /**
     * The artifact's version, as run.json records it: the module descriptor's (Maven compiles the module with
     * the project version), else the jar manifest's, else "development".
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"synfire " + version()};
        }

        static String version() {
            java.lang.Module module = Main.class.getModule();
            if (module.getDescriptor() != null && module.getDescriptor().rawVersion().isPresent()) {
                return module.getDescriptor().rawVersion().get();
            }
            String manifest = Main.class.getPackage().getImplementationVersion();
            return manifest != null ? manifest : "development";
        }
    }
}
