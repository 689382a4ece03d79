/**
 * The extension points (service provider interfaces) of Synfire. A provider implements one of them,
 * declares it with {@code provides ... with ...} in its {@code module-info.java} and in
 * {@code META-INF/services}, and contributes a Guice module that binds it under its id.
 */
package org.synfire.chip.api.spi;
