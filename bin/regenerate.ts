// `npm run regenerate`: runs the deployed publisher now with {"force": true} (republish and clear
// CloudFront's caches) and prints its summary. `-- --allow-shrink` lets this one run drop most reports.
import { invokePublisher } from '../lambda/cli/invoke-publisher.ts';

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--allow-shrink');
if (unknown.length > 0) {
  process.stderr.write(`regenerate: unknown argument ${unknown[0]}; the only option is --allow-shrink\n`);
  process.exit(2);
}
process.exitCode = invokePublisher({ force: true, ...(args.length ? { allowShrink: true } : {}) });
