import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type AppContext, CONTEXT_KEYS, ConfigError, parseAppConfig } from '../lib/config.ts';
import { OpendataStack } from '../lib/opendata-stack.ts';

/** The stack name the `regenerate` script and the README refer to. */
export const STACK_NAME = 'OpendataPublisher';

const app = new App();
const context: AppContext = Object.fromEntries(CONTEXT_KEYS.map((key) => [key, app.node.tryGetContext(key)]));
let config: ReturnType<typeof parseAppConfig>;
try {
  config = parseAppConfig(context);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
// Environment-agnostic: nothing is looked up at synth, so it needs no credentials and no network.
new OpendataStack(app, STACK_NAME, {
  config,
  description: `opendata-publisher: figures from local-government reports as open data (${config.siteName})`,
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
