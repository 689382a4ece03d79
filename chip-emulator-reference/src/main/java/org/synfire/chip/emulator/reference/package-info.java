/** The {@code loihi1-reference} backend: {@link org.synfire.chip.emulator.reference.Loihi1ReferenceBackend}. */
package org.synfire.chip.emulator.reference;
