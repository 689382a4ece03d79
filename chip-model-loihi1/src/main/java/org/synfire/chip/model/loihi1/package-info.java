/**
 * Loihi 1's neuron model, rule dialect, limits and capabilities on the chip-neutral network types of
 * {@code org.synfire.chip.api.network}.
 */
package org.synfire.chip.model.loihi1;
