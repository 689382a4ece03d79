package org.synfire.cli.internal.runtime;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the {@code synfire} process ends: with the exit code the command chose, once its own work is done, whatever
 * a plugin left behind. {@link System#exit} already ends the JVM with threads still running (a plugin's stray
 * non-daemon threads included), but waits for every shutdown hook; so a hook of Synfire's own, installed first,
 * starts a daemon watch when the JVM begins to shut down, which ends the process with the chosen code (130 after
 * a signal) once the other hooks have had {@link #GRACE} to finish, naming the plugin whose hook still runs.
 *
 * <p>The same hook recognises a shutdown that a plugin began itself (by reflection: its jar cannot name
 * {@code System.exit}, {@link PluginArchive}): the thread that called it has one of the plugin's classes among
 * its callers. It then says so in one line and ends the command with exit code 1 at once, as a failure, not with
 * the code the plugin passed.
 */
public final class CommandExit {

    /** How long the other shutdown hooks may run once the command has ended; the sweep's own hook, which stops its
     *  point processes, takes at most 2 s. */
    static final Duration GRACE = Duration.ofSeconds(3);
    /** The exit code of a process a signal ended, as the command line documents it. */
    private static final int SIGNAL_EXIT = 130;
    /** The exit code when a plugin ended the command: a failure. */
    private static final int PLUGIN_EXIT = 1;

    /** The modules of the plugin layers loaded in this process, by name, with their jars. */
    private static final Map<String, Path> PLUGIN_MODULES = new ConcurrentHashMap<>();
    private static volatile Integer chosen;
    private static volatile boolean installed;

    private CommandExit() {
    }

    /** Installs the shutdown hook; done once, first thing in {@code main}. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        PrintStream err = System.err;
        Thread hook = new Thread(() -> onShutdown(err), "synfire-exit");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Ends the process with the command's exit code (its output is flushed by then). */
    public static void exit(int code) {
        chosen = code;
        System.exit(code);
    }

    /** Notes that a plugin jar's module is loaded, so that its classes can be told apart on a thread's stack. */
    static void pluginModule(String module, Path jar) {
        PLUGIN_MODULES.put(module, jar);
    }

    private static void onShutdown(PrintStream err) {
        Integer code = chosen;
        if (code == null) {
            Optional<String> byPlugin = endedByPlugin();
            if (byPlugin.isPresent()) {
                err.println("synfire: " + byPlugin.get() + "; the command did not finish (exit code " + PLUGIN_EXIT + ")");
                err.flush();
                Runtime.getRuntime().halt(PLUGIN_EXIT);
            }
        }
        int status = code != null ? code : SIGNAL_EXIT;
        Thread watch = new Thread(() -> {
            try {
                Thread.sleep(GRACE);
            } catch (InterruptedException e) {
                return;
            }
            err.println("synfire: " + strayHooks() + " still ran " + GRACE.toSeconds() + " s after the command ended;"
                    + " the command ends without waiting for it");
            err.flush();
            Runtime.getRuntime().halt(status);
        }, "synfire-exit-watch");
        watch.setDaemon(true); // the JVM does not wait for it: when the hooks end in time, it ends with them
        watch.start();
    }

    /**
     * The plugin whose code called for the shutdown, in words, if one did: the thread running the shutdown has a
     * frame of {@code java.lang.Shutdown.exit} and, among its callers, a frame of a plugin's module.
     */
    private static Optional<String> endedByPlugin() {
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            StackTraceElement[] frames = thread.getValue();
            int exit = -1;
            for (int i = 0; i < frames.length; i++) {
                if (frames[i].getClassName().equals("java.lang.Shutdown") && frames[i].getMethodName().equals("exit")) {
                    exit = i;
                    break;
                }
            }
            for (int i = exit + 1; exit >= 0 && i < frames.length; i++) {
                Path jar = frames[i].getModuleName() == null ? null : PLUGIN_MODULES.get(frames[i].getModuleName());
                if (jar != null) {
                    return Optional.of("plugin " + jar + " ended the command (its class " + frames[i].getClassName()
                            + " called for the JVM to exit, by reflection or a method handle)");
                }
            }
        }
        return Optional.empty();
    }

    /** The live threads that run a plugin's code, in words; else the words for a hook of unknown origin. */
    private static String strayHooks() {
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement frame : thread.getValue()) {
                Path jar = frame.getModuleName() == null ? null : PLUGIN_MODULES.get(frame.getModuleName());
                if (jar != null) {
                    return "a shutdown hook of plugin " + jar + " (thread '" + thread.getKey().getName() + "')";
                }
            }
        }
        return "a shutdown hook that is not Synfire's";
    }
}
