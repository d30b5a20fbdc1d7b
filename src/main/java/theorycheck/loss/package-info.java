/**
 * Losses and the objectives built from them. An {@link theorycheck.loss.Objective} returns its
 * value and gradient together, over all examples or a mini-batch.
 */
package theorycheck.loss;
