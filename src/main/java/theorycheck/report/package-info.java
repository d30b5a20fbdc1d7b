/**
 * The report: what a claim's run looks like to a reader who opens the Allure report or the
 * committed verdict table.
 * <ul>
 * <li>{@link theorycheck.report.AllureClaimReport} puts one claim's result onto the running Allure
 * test: name, labels (verdict suites), description, parameters and attachments.</li>
 * <li>{@link theorycheck.report.ChartRenderer} draws a {@link theorycheck.claim.Chart} as a PNG with
 * XChart; {@link theorycheck.report.TrialTable} and {@link theorycheck.report.ClaimTexts} write the
 * per-trial CSV and the text attachments.</li>
 * <li>{@link theorycheck.report.VerdictRegistry} collects the results of one test session;
 * {@link theorycheck.report.VerdictTable} turns them into {@code reports/verdicts.md},
 * {@code reports/verdicts.json} and the console table.</li>
 * <li>{@link theorycheck.report.AllureResultsFiles} writes the report-level files Allure reads from its
 * results folder: {@code categories.json} and {@code environment.properties}.</li>
 * </ul>
 *
 * <p>The report reads {@link theorycheck.claim.ClaimResult}s and knows nothing of how they were
 * produced; nothing below it (claim, core) knows that it exists. Nothing here prints to
 * {@code System.out} except {@link theorycheck.report.VerdictTable#console}'s caller.
 */
package theorycheck.report;
