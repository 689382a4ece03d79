/**
 * Loihi-1 learning rules as data: the sum-of-products model ({@link org.synfire.chip.model.loihi1.learning.Rule},
 * {@link org.synfire.chip.model.loihi1.learning.Term}, {@link org.synfire.chip.model.loihi1.learning.Factor}) and the parser
 * of NxSDK rule text ({@link org.synfire.chip.model.loihi1.learning.RuleParser}), so that a network description
 * can validate a rule where it is written. Evaluation belongs to the backends.
 */
package org.synfire.chip.model.loihi1.learning;
