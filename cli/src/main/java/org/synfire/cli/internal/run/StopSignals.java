package org.synfire.cli.internal.run;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SIGINT (Ctrl-C) and SIGTERM asking a training run to stop after its current sample: while installed, the
 * first such signal only raises {@link #requested()}; a second one ends the process at once (exit 130). Closing
 * restores the handlers that were there before. Where the JVM does not let a signal be handled (e.g. with
 * {@code -Xrs}, or without the module {@code jdk.unsupported}) that signal keeps its default.
 *
 * <p>{@code sun.misc.Signal} (module {@code jdk.unsupported}, the JDK's supported way to handle signals) is
 * reached by reflection, so that the build's {@code -Werror} does not trip on its proprietary-API warning.
 */
final class StopSignals implements AutoCloseable {

    /** The exit code of a run stopped by a signal (128 + SIGINT, as shells report Ctrl-C). */
    static final int EXIT_CODE = 130;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final List<Object> signals = new ArrayList<>();
    private final List<Object> previous = new ArrayList<>();
    private Method handle;

    private StopSignals() {
    }

    static StopSignals install() {
        StopSignals s = new StopSignals();
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            s.handle = signalType.getMethod("handle", signalType, handlerType);
            Object handler = Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            if (!s.requested.compareAndSet(false, true)) {
                                Runtime.getRuntime().halt(EXIT_CODE);
                            }
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "stop-after-sample signal handler";
                    });
            for (String name : List.of("INT", "TERM")) {
                try {
                    Object signal = signalType.getConstructor(String.class).newInstance(name);
                    Object old = s.handle.invoke(null, signal, handler);
                    s.signals.add(signal);
                    s.previous.add(old);
                } catch (ReflectiveOperationException | IllegalArgumentException e) {
                    // this JVM keeps the signal to itself: it ends the run as it always did
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // no signal handling on this JVM: signals end the run as they always did
        }
        return s;
    }

    /** Whether a stop was asked for. */
    boolean requested() {
        return requested.get();
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            try {
                handle.invoke(null, signals.get(i), previous.get(i));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // leave the handler: it only raises a flag nobody reads any more
            }
        }
    }
}
