/** What `opendata rollback` does: switch the site back to a kept version and pin it, or lift the pin. */
import { release, rollback } from '../publish/rollback.ts';
import { loadSettings } from './inputs.ts';
import type { RollbackCommandOptions } from './rollback.ts';
import { openTarget } from './target.ts';
import { terminalSafe } from './terminal.ts';
import { UsageError } from './usage.ts';

/** Rolls the site back to `version` (default: the one before the current one), or --release. */
export async function rollbackSite(
  version: string | undefined,
  options: RollbackCommandOptions,
): Promise<number> {
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
