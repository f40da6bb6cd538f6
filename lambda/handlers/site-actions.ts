import type { SiteSettings } from '../pipeline/report/index.ts';
import type { VersionPointer } from '../publish/pointer.ts';
import { type RollbackSummary, release, rollback } from '../publish/rollback.ts';
import type { Store } from '../stores/store.ts';
import type { Trigger } from './events.ts';
import { invalidationPaths } from './invalidation.ts';
import type { HandlerLogger } from './publish-handler.ts';

/** What a rollback or a release did, and the CloudFront paths it invalidated. */
export type SiteActionResult =
  | (RollbackSummary & { action: 'rollback'; invalidated: string[] })
  | { action: 'release'; released: string | undefined; written: string[]; invalidated: string[] };

export interface SiteActionDependencies {
  target: Store;
  settings: SiteSettings;
  pointer: VersionPointer;
  logger: HandlerLogger;
  clock: () => Date;
  invalidate(paths: readonly string[]): Promise<void>;
}

/**
 * `{"rollback": …}` and `{"release": true}` on AWS: the same rollback and release as the CLI's, with
 * the KeyValueStore pointer switched and the stable paths that changed invalidated.
 */
export function createSiteActions(dependencies: SiteActionDependencies) {
  const { target, settings, logger } = dependencies;
  async function invalidateChanged(changed: readonly string[]): Promise<string[]> {
    const paths = invalidationPaths(changed);
    if (paths.length > 0) await dependencies.invalidate(paths);
    return paths;
  }
  return async function siteAction(
    trigger: Extract<Trigger, { kind: 'rollback' | 'release' }>,
  ): Promise<SiteActionResult> {
    const now = dependencies.clock();
    if (trigger.kind === 'release') {
      const result = await release({ target, settings, now });
      const invalidated = await invalidateChanged(result.written);
      logger.info('Released', { released: result.released ?? null, invalidated });
      return { action: 'release', released: result.released, written: result.written, invalidated };
    }
    const pointers = [dependencies.pointer];
    const result = await rollback({ target, settings, version: trigger.version, now, pointers });
    const invalidated = await invalidateChanged(result.changed);
    logger.info('Rolled back', { version: result.version, from: result.from, invalidated });
    return { action: 'rollback', ...result, invalidated };
  };
}
