// `npm run rollback -- [<version>]`: switches the deployed site back to a kept version (default: the
// one before the current one) and pins it there; `npm run rollback -- --release` lifts the pin. The
// deployed publisher does it: the same rollback as `opendata rollback`, plus the CloudFront
// KeyValueStore pointer and an invalidation of the paths that changed.
import { invokePublisher } from '../lambda/cli/invoke-publisher.ts';
import { isVersionId } from '../lambda/contract/index.ts';
import type { ReleaseInput, RollbackInput } from '../lambda/handlers/events.ts';

const args = process.argv.slice(2);
const [first] = args;
if (args.length > 1 || (first !== undefined && first !== '--release' && !isVersionId(first))) {
  process.stderr.write(
    'usage: npm run rollback -- [<version>]   (a version id such as 20261201T081500Z-3f0c9a1b2c4d)\n' +
      '       npm run rollback -- --release\n',
  );
  process.exit(2);
}
const payload: ReleaseInput | RollbackInput =
  first === '--release' ? { release: true } : { rollback: first ?? true };
process.exitCode = invokePublisher(payload);
