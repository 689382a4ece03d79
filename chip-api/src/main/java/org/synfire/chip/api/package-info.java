/**
 * What a neuromorphic chip is made of, as backends implement it: {@link org.synfire.chip.api.Core},
 * {@link org.synfire.chip.api.Router} and {@link org.synfire.chip.api.LearningEngine}.
 */
package org.synfire.chip.api;
