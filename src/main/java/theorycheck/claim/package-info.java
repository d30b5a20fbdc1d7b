/**
 * The claim harness. A claim's metadata lives in one Markdown file under {@code theorems/}
 * ({@link theorycheck.claim.ClaimSpec}); its test supplies an {@link theorycheck.claim.InstanceCheck}
 * for the claim and one for its control. {@link theorycheck.claim.ClaimRunner} draws seeded
 * instances, runs the checks, decides verdicts by the rules in
 * {@link theorycheck.claim.VerdictRules}, and returns a {@link theorycheck.claim.ClaimResult}.
 *
 * <p>The harness uses the core (data, models, optimizers, measures); the core knows nothing of it.
 */
package theorycheck.claim;
