import { Command, Option } from 'commander';
import { DEFAULT_SITE_SETTINGS } from './defaults.ts';
import type { RunCommand } from './run-command.ts';
import { type TargetOptions, withTargetOptions } from './target-options.ts';

export interface RollbackCommandOptions extends TargetOptions {
  release?: boolean;
  site: string;
  baseUrl?: string;
  json?: boolean;
}

/** `opendata rollback [<version>] --out <dir> | --bucket <name>`, and `--release`; the work is run-rollback.ts. */
export function rollbackCommand(run: RunCommand): Command {
  const command = new Command('rollback')
    .summary('switch the site back to an earlier version and pin it there, or --release the pin')
    .description(
      'Switch every stable URL back to a kept version (default: the one before the current one) through ' +
        'the same atomic pointer switch as a publication, and pin the site there: later runs build ' +
        'nothing until `opendata rollback --release` (or `publish --release`). Recorded in manifest.json ' +
        'and feed.atom.',
    )
    .argument('[version]', 'a version id from `opendata versions`');
  return withTargetOptions(command, 'roll back')
    .option('--release', 'lift the pin instead: the next run publishes again')
    .addOption(
      new Option('--site <file>', 'site settings (the feed names the site)').default(
        DEFAULT_SITE_SETTINGS,
        'data/site.json',
      ),
    )
    .option('--base-url <url>', 'the URL the site is served at, as given to publish')
    .option('--json', 'print the summary as one JSON object')
    .action((version: string | undefined, options: RollbackCommandOptions) =>
      run(async () => (await import('./run-rollback.ts')).rollbackSite(version, options)),
    );
}
