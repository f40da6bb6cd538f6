/**
 * `npm run regenerate`: runs the deployed publisher now, with `{"force": true}` (republish and clear
 * CloudFront's caches), and prints its summary. Uses the AWS CLI and its usual credentials;
 * STACK_NAME picks another stack than OpendataPublisher.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const stackName = process.env.STACK_NAME ?? 'OpendataPublisher';

function aws(args: string[]): string {
  try {
    return execFileSync('aws', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the AWS CLI (aws) is not installed' : 'it failed';
    process.stderr.write(`Could not run "aws ${args.slice(0, 2).join(' ')}": ${reason}.\n`);
    process.exit(1);
  }
}

const functionName = aws([
  'cloudformation',
  'describe-stacks',
  '--stack-name',
  stackName,
  '--query',
  "Stacks[0].Outputs[?OutputKey=='FunctionName'].OutputValue",
  '--output',
  'text',
]);
const dir = mkdtempSync(join(tmpdir(), 'opendata-regenerate-'));
const out = join(dir, 'summary.json');
try {
  // A run may take minutes: no read timeout. A run already in progress makes this one fail (TooManyRequests).
  const meta = aws([
    'lambda',
    'invoke',
    '--function-name',
    functionName,
    '--cli-binary-format',
    'raw-in-base64-out',
    '--cli-read-timeout',
    '0',
    '--payload',
    '{"force": true}',
    out,
  ]);
  process.stdout.write(`${readFileSync(out, 'utf8')}\n`);
  if (JSON.parse(meta).FunctionError) process.exit(1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
