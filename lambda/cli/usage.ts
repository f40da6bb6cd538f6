/**
 * A mistake in how the command was called: one line naming it, a pointer to the command's --help,
 * exit code 2.
 */
export class UsageError extends Error {}

/** The commands of `opendata`, in the order its --help lists them. */
export const COMMAND_NAMES: readonly string[] = [
  'extract',
  'publish',
  'serve',
  'fetch',
  'versions',
  'rollback',
];

/** Where to read about the command the line was meant for. */
export function helpPointer(argv: readonly string[]): string {
  const command = argv.find((arg) => COMMAND_NAMES.includes(arg));
  return `Run "opendata ${command ? `${command} ` : ''}--help" for usage.`;
}
