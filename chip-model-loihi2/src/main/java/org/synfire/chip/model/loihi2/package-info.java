/** Loihi 2's neuron model on the chip-neutral network types of {@code org.synfire.chip.api.network}. */
package org.synfire.chip.model.loihi2;
