import { Command } from 'commander';
import type { RunCommand } from './run-command.ts';
import { type TargetOptions, withTargetOptions } from './target-options.ts';

/** `opendata versions --out <dir> | --bucket <name> [--json]`; the work is run-versions.ts. */
export function versionsCommand(run: RunCommand): Command {
  const command = new Command('versions')
    .summary('list the publications a site keeps')
    .description(
      'List the publications of a site, newest first: when, how many reports and figures, what ' +
        'changed, which one is served, which were pruned (beyond the last "keepVersions" of the site ' +
        'settings, in a folder), and whether a rollback pinned the site.',
    );
  return withTargetOptions(command, 'read')
    .option('--json', 'print them as one JSON object')
    .action((options: TargetOptions & { json?: boolean }) =>
      run(async () => (await import('./run-versions.ts')).listVersions(options)),
    );
}
