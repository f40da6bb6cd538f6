/**
 * Runs the deployed publisher function once with a payload and prints what it returned: for
 * `npm run regenerate` and `npm run rollback`. Uses the AWS CLI with its usual credentials; STACK_NAME
 * picks another stack than OpendataPublisher. Exits 1 when the AWS CLI or the function failed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ManualInput, ReleaseInput, RollbackInput } from '../handlers/events.ts';

export function invokePublisher(
  payload: ManualInput | RollbackInput | ReleaseInput,
  stackName = process.env.STACK_NAME ?? 'OpendataPublisher',
): number {
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
  if (functionName === undefined) return 1;
  const dir = mkdtempSync(join(tmpdir(), 'opendata-invoke-'));
  const out = join(dir, 'result.json');
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
      JSON.stringify(payload),
      out,
    ]);
    if (meta === undefined) return 1;
    process.stdout.write(`${readFileSync(out, 'utf8')}\n`);
    return JSON.parse(meta).FunctionError ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function aws(args: string[]): string | undefined {
  try {
    return execFileSync('aws', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the AWS CLI (aws) is not installed' : 'it failed';
    process.stderr.write(`Could not run "aws ${args.slice(0, 2).join(' ')}": ${reason}.\n`);
    return undefined;
  }
}
