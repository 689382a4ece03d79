/**
 * Loihi-1 learning rules as data: the sum-of-products model ({@link org.synfire.chip.api.learning.Rule},
 * {@link org.synfire.chip.api.learning.Term}, {@link org.synfire.chip.api.learning.Factor}) and the parser
 * of NxSDK rule text ({@link org.synfire.chip.api.learning.RuleParser}), so that a network description
 * can validate a rule where it is written. Evaluation belongs to the backends.
 */
package org.synfire.chip.api.learning;
