/**
 * Models with explicit parameter vectors and exact gradients. A model maps parameters θ
 * (a flat {@code double[]}) and an input row x to a scalar output f_θ(x); it knows nothing of
 * losses, optimizers or claims.
 */
package theorycheck.model;
