import { Command, Option } from 'commander';
import { release, rollback } from '../publish/rollback.ts';
import { DEFAULT_SITE_SETTINGS } from './defaults.ts';
import { loadSettings } from './publish.ts';
import type { RunCommand } from './run-command.ts';
import { openTarget, type TargetOptions, withTargetOptions } from './target.ts';
import { terminalSafe } from './terminal.ts';
import { UsageError } from './usage.ts';

interface RollbackCommandOptions extends TargetOptions {
  release?: boolean;
  site: string;
  baseUrl?: string;
  json?: boolean;
}

/** `opendata rollback [<version>] --out <dir> | --bucket <name>`, and `--release`. */
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
      run(() => rollbackSite(version, options)),
    );
}

async function rollbackSite(version: string | undefined, options: RollbackCommandOptions): Promise<number> {
  if (options.release && version !== undefined)
    throw new UsageError('--release takes no version: it lifts the pin wherever the site is');
  const settings = await loadSettings(options.site, options.baseUrl);
  const target = await openTarget(options);
  const unlock = await target.lock();
  try {
    const now = new Date();
    if (options.release) {
      const result = await release({ target: target.store, settings, now });
      print(
        options.json === true,
        result,
        result.released
          ? `Released the pin on version ${result.released}: the next run publishes again.`
          : `${target.store.location} is not pinned; nothing to release.`,
      );
      return 0;
    }
    const result = await rollback({ target: target.store, settings, version, now });
    print(
      options.json === true,
      result,
      `Rolled ${target.store.location} back from ${result.from} to ${result.version}: ${result.changed.length} ` +
        'stable paths switched. The site is pinned there until "opendata rollback --release".',
    );
    return 0;
  } finally {
    await unlock();
  }
}

function print(json: boolean, result: object, line: string): void {
  process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${terminalSafe(line)}\n`);
}
