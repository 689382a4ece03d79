package org.synfire.chip.api.spi;

/**
 * Extension point for chip backends: something that compiles a network description onto (real or
 * emulated) chips and runs it. Every backend proves itself against the conformance kit that ships
 * as the test-jar of this module.
 */
public interface ChipBackend extends Extension {
}
