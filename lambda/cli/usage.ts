/**
 * A mistake in how the command was called: one line naming it, a pointer to the command's --help,
 * exit code 2.
 */
export class UsageError extends Error {}
