/**
 * The network description a {@link org.synfire.chip.api.spi.ChipBackend} compiles onto chips:
 * compartment groups, spike generators, connection groups with their masks and (optionally) learning
 * settings, reinforcement channels and probes. Every value is immutable and checked where it is made,
 * with errors that name the element, the field, the value and the allowed range.
 */
package org.synfire.chip.api.network;
