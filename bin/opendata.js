#!/usr/bin/env node
// Runs the TypeScript CLI in place, so `npx opendata` works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../lambda/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
