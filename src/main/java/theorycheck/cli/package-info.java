/** The command-line entry point: checks and lists claim files without running any claim. */
package theorycheck.cli;
