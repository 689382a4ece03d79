package org.synfire.chip.api.network;

import java.util.Optional;

/**
 * How a plastic connection learns: a rule written in a named dialect, with the settings of the learning engine
 * that runs it. Each chip's model module defines its dialects as records implementing this interface (Loihi 1's
 * NxSDK rule text is {@code LearningSettings} of the module {@code org.synfire.chip.model.loihi1}); a backend
 * learns with the dialects its capabilities name ({@code BackendCapabilities.ruleDialects()}) and refuses the
 * others.
 */
public interface LearningRule {

    /** The dialect's name, as backends' capabilities list it, e.g. {@code nxsdk}. */
    String dialect();

    /** The reinforcement channel that drives the rule's reward, if it uses one (checked by {@link Network}). */
    Optional<String> rewardChannel();
}
