#!/usr/bin/env node
// Runs the TypeScript CLI in place, so `npx opendata` works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
// The SDK warns on every run that its releases after early 2027 need Node 22; the lock file pins the
// versions this project was tested with, so the warning tells users of the CLI nothing they can act on.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// `opendata extract … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { runCli } = await import('../lambda/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
