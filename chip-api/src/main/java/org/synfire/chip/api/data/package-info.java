/** Data as circuits consume it: labelled samples, ready for training and testing. */
package org.synfire.chip.api.data;
