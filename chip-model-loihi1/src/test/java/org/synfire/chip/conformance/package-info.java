/**
 * The backend conformance kit, published as this module's test-jar. A backend proves itself by extending
 * each abstract {@code ...Conformance} class in its own tests and returning itself from
 * {@link org.synfire.chip.conformance.BackendConformance#backend()}:
 *
 * <pre>{@code
 * class MyTimingTest extends TimingConformance {
 *     protected ChipBackend backend() { return new MyBackend(); }
 * }
 * }</pre>
 *
 * Every expected value is worked out by hand from the Loihi-1 semantics page, in the test's comment.
 */
package org.synfire.chip.conformance;
