/**
 * What a chip simulation gives the host: {@link org.synfire.chip.api.ChipSimulation} (run, inject, probe,
 * read and write weights), its probe data, event and traffic counts and resource usage. How a backend builds its
 * chip inside (cores, router, learning engines) is the backend's own affair.
 */
package org.synfire.chip.api;
