import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from './temp.ts';

export const CLI = fileURLToPath(new URL('bin/opendata.js', PROJECT_ROOT));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `opendata` command (or `command`, a script and its arguments) in a child process. */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; command?: string[]; uid?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, options.command ?? [CLI, ...args], {
      cwd: options.cwd ?? fileURLToPath(PROJECT_ROOT),
      env: { ...process.env, ...options.env },
      // Another user (root's tests may run as nobody): what chmod means only to users other than root.
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts a long-running command and resolves with the first URL it prints. */
export function startCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; command?: string[] } = {},
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, options.command ?? [CLI, ...args], {
    cwd: options.cwd ?? fileURLToPath(PROJECT_ROOT),
    env: { ...process.env, ...options.env },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: string) => {
      output += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1], output: () => output });
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => reject(new Error(`exited with ${code} before serving:\n${output}`)));
  });
}

/** Stops a child and waits for it to be gone. */
export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
