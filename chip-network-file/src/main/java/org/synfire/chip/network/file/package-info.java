/**
 * The network file format: a {@link org.synfire.chip.api.network.Network} as JSON with its weights inline,
 * read and written by {@link org.synfire.chip.network.file.NetworkFile}.
 */
package org.synfire.chip.network.file;
