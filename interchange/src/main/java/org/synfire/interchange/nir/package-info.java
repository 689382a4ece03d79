/**
 * NIR (Neuromorphic Intermediate Representation) graphs: the node types Synfire reads and writes
 * ({@link org.synfire.interchange.nir.NirNode}), graphs ({@link org.synfire.interchange.nir.NirGraph}), their
 * HDF5 files ({@link org.synfire.interchange.nir.NirFile}), a circuit's inference network as a graph
 * ({@link org.synfire.interchange.nir.NirExport}) and a timeless evaluation of such a graph
 * ({@link org.synfire.interchange.nir.NirForward}).
 */
package org.synfire.interchange.nir;
