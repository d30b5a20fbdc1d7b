/**
 * The test-side facade of the claim harness: {@link theorycheck.support.ClaimVerifier#verify} runs a
 * claim and its control, {@link theorycheck.support.ClaimAssertions} decides pass/fail, and
 * {@link theorycheck.support.ClaimPublisher} hands the result to the report ({@code theorycheck.report}).
 * {@link theorycheck.support.ReportSessionListener} (registered in {@code META-INF/services}) writes the
 * report-level files around a test session; {@link theorycheck.support.TestRunGate} fails the
 * {@code report} profile's build after the report is written. Fixture claims that must fail live in
 * {@code fixtures}.
 */
package theorycheck.support;
