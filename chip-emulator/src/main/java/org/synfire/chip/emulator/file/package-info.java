/**
 * The network file format: a {@link org.synfire.chip.api.network.Network} as JSON with its weights inline,
 * read and written by {@link org.synfire.chip.emulator.file.NetworkFile}.
 */
package org.synfire.chip.emulator.file;
