package org.synfire.datasets;

import java.lang.reflect.Method;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The bytes the current thread allocates while running a piece of code, from HotSpot's
 * {@code com.sun.management.ThreadMXBean} (found by reflection: this module reads neither
 * {@code java.management} nor {@code jdk.management}); tests that need it are skipped on a JVM without it.
 */
public final class Allocated {

    /** Code that reads a file and may fail. */
    public interface Action {
        void run() throws Exception;
    }

    private Allocated() {
    }

    /** The bytes {@code action} allocated on this thread; its exception, if any, is ignored. */
    public static long by(Action action) {
        Object bean;
        Method allocated;
        try {
            bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            allocated = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
        } catch (ReflectiveOperationException e) {
            assumeTrue(false, "no com.sun.management.ThreadMXBean: " + e);
            return 0;
        }
        return measure(bean, allocated, action);
    }

    private static long measure(Object bean, Method allocated, Action action) {
        try {
            long before = (long) allocated.invoke(bean);
            try {
                action.run();
            } catch (Exception expected) {
                // the caller asserts the failure separately
            }
            return (long) allocated.invoke(bean) - before;
        } catch (ReflectiveOperationException e) {
            assumeTrue(false, "cannot measure allocation: " + e);
            return 0;
        }
    }
}
