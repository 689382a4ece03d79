package org.synfire.cli.internal.runtime;

import java.lang.module.ModuleDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.synfire.chip.api.spi.CircuitProvider;
import org.synfire.chip.api.spi.Extension;

/**
 * Finds the providers of the extension points with {@link ServiceLoader}: those a module declares with
 * {@code provides <extension point> with <class>} in its {@code module-info} (or, on the class path, in
 * {@code META-INF/services/<extension point>}). Each provider is created once and asked for its id and
 * description (a circuit provider also for its circuit, model and whether it needs a backend) there and then, so
 * that a provider that fails does so at load, where it is reported.
 */
final class Providers {

    /** The most causes of a provider's throwable put into words (a cause chain may be long or even a loop). */
    private static final int MAX_CAUSES = 8;
    /** The longest message of a provider's throwable, and the longest description, kept. */
    private static final int MAX_WORDS = 300;
    /** How long a plugin's provider may take to be created, and then to give its id and description; tests shorten
     *  it. Generous: a backend may open a connection or build tables as it is created. */
    static volatile Duration answerTime = Duration.ofSeconds(30);

    /**
     * A provider ServiceLoader gave, with the id and description it reported at load, and for a circuit provider
     * which model of which circuit it is ({@code circuitModel}, null for the other kinds): the command asks a
     * provider for them once, there, and uses these afterwards.
     */
    record Found(ExtensionKind kind, String id, String description, CircuitModel circuitModel, Extension extension) {

        String className() {
            return extension.getClass().getName();
        }
    }

    private Providers() {
    }

    /**
     * Synfire's own providers: those of the home layer, or of the class path when Synfire runs from it.
     *
     * @throws IllegalStateException when one of them fails: a fault of Synfire's, not of a plugin
     */
    static List<Found> builtIn(ModuleLayer home) {
        boolean named = Providers.class.getModule().isNamed();
        List<Found> found = new ArrayList<>();
        for (ExtensionKind kind : ExtensionKind.values()) {
            ServiceLoader<? extends Extension> loader = named
                    ? ServiceLoader.load(home, kind.type())
                    : ServiceLoader.load(kind.type(), Providers.class.getClassLoader());
            try {
                found.addAll(scan(kind, loader, null, List.of()));
            } catch (PluginException e) {
                throw new IllegalStateException("built-in " + e.getMessage());
            }
        }
        return found;
    }

    /**
     * The providers a plugin's layer declares itself (not those of the layers above it).
     *
     * @throws PluginException when it declares none, or one of them cannot be loaded, created or asked
     *         for its id, or reports an id that is not valid
     */
    static List<Found> inLayer(ModuleLayer layer) throws PluginException {
        List<Found> found = new ArrayList<>();
        boolean declaresAny = false;
        for (ExtensionKind kind : ExtensionKind.values()) {
            List<String> declared = declared(layer, kind.type().getName());
            if (!declared.isEmpty()) {
                declaresAny = true;
                found.addAll(scan(kind, ServiceLoader.load(layer, kind.type()), layer, declared));
            }
        }
        if (!declaresAny) {
            boolean guice = !declared(layer, "com.google.inject.Module").isEmpty();
            throw new PluginException("it provides none of Synfire's extension points: declare its providers with "
                    + "'provides org.synfire.chip.api.spi.ChipBackend with <class>' (or CircuitProvider, DatasetProvider, "
                    + "CostModelProvider) in its module-info and in META-INF/services"
                    + (guice ? "; the Guice module it declares is not read (Synfire binds the providers itself)" : ""));
        }
        return found;
    }

    /**
     * The providers {@code loader} gives, {@code layer}'s own only when it is not null (they come before
     * those of its parents). {@code declared} names them in the order the loader finds them, so that a
     * class that fails to load can be named.
     */
    private static List<Found> scan(ExtensionKind kind, ServiceLoader<? extends Extension> loader, ModuleLayer layer,
            List<String> declared) throws PluginException {
        List<Found> found = new ArrayList<>();
        Iterator<? extends ServiceLoader.Provider<? extends Extension>> providers = loader.stream().iterator();
        for (int index = 0; ; index++) {
            ServiceLoader.Provider<? extends Extension> provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (Throwable e) { // a provider's class is initialised here: any Error it throws is its own
                String name = index < declared.size() ? declared.get(index) : "";
                throw new PluginException("cannot load the " + kind + " class " + name + ": " + inWords(e));
            }
            if (layer != null && provider.type().getModule().getLayer() != layer) {
                break;
            }
            String name = provider.type().getName();
            boolean plugin = layer != null;
            Extension extension;
            try {
                extension = plugin ? inTime(provider::get) : provider.get();
            } catch (NoAnswer e) {
                throw new PluginException(kind + " " + name + " was not created within " + answerTime.toSeconds()
                        + " s (does its constructor or static initialiser wait or loop forever?)");
            } catch (Throwable e) { // StackOverflowError, OutOfMemoryError and the like from its constructor too
                throw new PluginException(kind + " " + name + " cannot be created: " + inWords(e));
            }
            String id;
            String description;
            try {
                Extension created = extension;
                Callable<String[]> ask = () -> new String[] {created.id(), created.description()};
                String[] identity = plugin ? inTime(ask) : ask.call();
                id = identity[0];
                description = identity[1];
            } catch (NoAnswer e) {
                throw new PluginException(kind + " " + name + " did not give its id and description within "
                        + answerTime.toSeconds() + " s (does its id() or description() wait or loop forever?)");
            } catch (Throwable e) {
                throw new PluginException(kind + " " + name + " failed when asked for its id and description: "
                        + inWords(e));
            }
            try {
                Extension.requireValidId(id);
            } catch (IllegalArgumentException e) {
                throw new PluginException(kind + " " + name + ": " + e.getMessage());
            }
            CircuitModel circuitModel = kind == ExtensionKind.CIRCUIT
                    ? circuitModel(kind, name, (CircuitProvider) extension, plugin) : null;
            found.add(new Found(kind, id, oneLine(description), circuitModel, extension));
        }
        return found;
    }

    /**
     * Asks a circuit provider which model of which circuit it is, once, as its id is asked: a plugin's under the
     * time limit and against every Throwable.
     *
     * @throws PluginException when it does not answer in time, throws, or gives a circuit or model that is not a
     *         valid id
     */
    private static CircuitModel circuitModel(ExtensionKind kind, String name, CircuitProvider provider, boolean plugin)
            throws PluginException {
        CircuitModel answer;
        try {
            Callable<CircuitModel> ask = () -> new CircuitModel(provider.circuit(), provider.model(),
                    provider.needsBackend());
            answer = plugin ? inTime(ask) : ask.call();
        } catch (NoAnswer e) {
            throw new PluginException(kind + " " + name + " did not give its circuit, model and needsBackend within "
                    + answerTime.toSeconds() + " s (does its circuit(), model() or needsBackend() wait or loop"
                    + " forever?)");
        } catch (Throwable e) {
            throw new PluginException(kind + " " + name + " failed when asked for its circuit, model and"
                    + " needsBackend: " + inWords(e));
        }
        requireValidName(kind, name, "circuit()", answer.circuit());
        requireValidName(kind, name, "model()", answer.model());
        return answer;
    }

    /** A circuit's or model's name, which the command line and run.json take as an id. */
    private static void requireValidName(ExtensionKind kind, String name, String method, String value)
            throws PluginException {
        try {
            Extension.requireValidId(value);
        } catch (IllegalArgumentException e) {
            throw new PluginException(kind + " " + name + ": its " + method + " '"
                    + (value == null || value.isBlank() ? value : oneLine(value, 60)) + "' is not valid: expected lower case letters,"
                    + " digits and single hyphens, starting with a letter");
        }
    }

    /** A plugin's code that did not answer in {@link #answerTime}. */
    private static final class NoAnswer extends Exception {

        private static final long serialVersionUID = 1L;
    }

    /**
     * Runs a plugin's code on a daemon thread of its own and waits for its answer at most {@link #answerTime}. The JVM
     * cannot stop a thread: one that does not answer is left behind, and ends with the process.
     *
     * @throws NoAnswer when it has not answered in time
     * @throws Throwable what the code threw
     */
    private static <T> T inTime(Callable<T> code) throws Throwable {
        // not a FutureTask: its ExecutionException asks the throwable for its message, which a plugin's may refuse
        Outcome<T> outcome = new Outcome<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try {
                outcome.answer = code.call();
            } catch (Throwable e) {
                outcome.thrown = e;
            } finally {
                done.countDown();
            }
        }, "synfire-plugin-provider");
        thread.setDaemon(true);
        thread.start();
        if (!done.await(answerTime.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new NoAnswer();
        }
        if (outcome.thrown != null) {
            throw outcome.thrown;
        }
        return outcome.answer;
    }

    /** What a plugin's code answered or threw; written before the latch opens, read after. */
    private static final class Outcome<T> {
        T answer;
        Throwable thrown;
    }

    /** The provider classes the modules of a layer declare for a service, in declaration order. */
    private static List<String> declared(ModuleLayer layer, String service) {
        return layer.modules().stream()
                .sorted(Comparator.comparing(Module::getName))
                .map(Module::getDescriptor)
                .flatMap(d -> d.provides().stream())
                .filter(p -> p.service().equals(service))
                .flatMap((ModuleDescriptor.Provides p) -> p.providers().stream())
                .toList();
    }

    /** What went wrong in a provider, in words, without the wrapping of ServiceLoader and reflection. */
    static String inWords(Throwable e) {
        Throwable t = e;
        for (int i = 0; i < MAX_CAUSES && (t instanceof ServiceConfigurationError || t instanceof InvocationTargetException)
                && causeOf(t) != null; i++) {
            t = causeOf(t);
        }
        if (t instanceof ExceptionInInitializerError && causeOf(t) != null) {
            return "its static initialiser threw " + plain(causeOf(t));
        }
        String message = messageOf(t);
        if (t instanceof NoClassDefFoundError && message != null && !message.contains(" ")) {
            return "a class it needs is missing: " + message.replace('/', '.') + " (NoClassDefFoundError)";
        }
        if (t instanceof IllegalAccessError) {
            return "it uses a class it may not access (" + plain(t)
                    + "); a plugin may use only the packages Synfire's modules export";
        }
        return plain(t);
    }

    /**
     * The class and message of a throwable and of its causes. A provider's throwable is read with care: at most
     * {@value #MAX_CAUSES} causes (a chain may loop), each message cut to {@value #MAX_WORDS} characters, and a
     * {@code getMessage} that throws said to be unreadable, a {@code getCause} that throws taken for no cause.
     */
    static String plain(Throwable e) {
        StringBuilder words = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int depth = 0;
        for (Throwable t = e; t != null && depth < MAX_CAUSES && seen.add(t); t = causeOf(t), depth++) {
            if (depth > 0) {
                words.append(" (caused by ");
            }
            String type = t.getClass().getSimpleName();
            words.append(type.isEmpty() ? t.getClass().getName() : type);
            String message = messageOf(t);
            if (message != null && !message.isBlank()) {
                words.append(": ").append(oneLine(message));
            }
        }
        words.append(")".repeat(Math.max(0, depth - 1)));
        return words.toString();
    }

    /** A throwable's message (null if it has none), or words saying it cannot be read when asking for it throws. */
    private static String messageOf(Throwable t) {
        try {
            return t.getMessage();
        } catch (Throwable e) {
            return "(its message cannot be read: " + e.getClass().getSimpleName() + ")";
        }
    }

    /** A throwable's cause, or null when it has none or asking for it fails. */
    private static Throwable causeOf(Throwable t) {
        try {
            return t.getCause();
        } catch (Throwable e) {
            return null;
        }
    }

    /** A provider's words on one line of printable characters, at most {@value #MAX_WORDS} of them. */
    static String oneLine(String words) {
        return oneLine(words, MAX_WORDS);
    }

    /** Words on one line of printable characters (controls and line ends as spaces), at most {@code max} of them. */
    static String oneLine(String words, int max) {
        if (words == null || words.isBlank()) {
            return "(no description)";
        }
        String line = words.codePoints()
                .limit(max + 1L)
                .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().replaceAll(" {2,}", " ").strip();
        return line.codePointCount(0, line.length()) > max ? line.substring(0, line.offsetByCodePoints(0, max)) + "..." : line;
    }
}
