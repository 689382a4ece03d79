/** What a learning circuit offers the platform: training sessions, their settings and evaluations. */
package org.synfire.chip.api.circuit;
