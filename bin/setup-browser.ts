/**
 * `npm run setup:browser`, also the `pretest` step: makes sure the browser tests find Chromium and a
 * CJK font. Silent when both are there; otherwise says what is missing in one line and installs
 * Debian's packages when it may (root or passwordless sudo, with apt-get), or exits 1 naming the
 * command to run. Never skips: a suite that quietly left out the portal would look green.
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import {
  type BrowserProbe,
  chromiumPath,
  type InstallRights,
  installLine,
  missingParts,
  PACKAGES,
  planSetup,
} from '../tests/browser/requirements.ts';

const run = promisify(execFile);

/** stdout of a command, trimmed; undefined when it is missing, fails or takes too long. */
async function output(command: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run(command, args, { timeout: 30_000, encoding: 'utf8' });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

async function probe(): Promise<BrowserProbe> {
  const path = chromiumPath(process.env);
  const [chromiumVersion, fonts] = await Promise.all([
    output(path, ['--version']),
    output('fc-list', [':lang=zh', 'family']),
  ]);
  return { chromiumPath: path, chromiumVersion, cjkFont: fonts?.split('\n')[0] };
}

async function rights(): Promise<InstallRights> {
  const root = process.getuid?.() === 0;
  const [sudo, aptGet] = await Promise.all([
    root ? false : succeeds('sudo', ['-n', 'true']),
    succeeds('apt-get', ['--version']),
  ]);
  return { root, sudo, aptGet };
}

async function succeeds(command: string, args: string[]): Promise<boolean> {
  return run(command, args, { timeout: 10_000 }).then(
    () => true,
    () => false,
  );
}

/** Runs one command with its output shown, resolving with its exit code. */
function shown([command, ...args]: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command ?? '', args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', () => resolve(127));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<number> {
  const found = await probe();
  if (missingParts(found).length === 0) return 0;
  const plan = planSetup(found, await rights());
  if (plan.kind === 'ready') return 0;
  if (plan.kind === 'stop') {
    process.stderr.write(`${plan.message}\n`);
    return 1;
  }
  process.stdout.write(`${plan.message}\n`);
  const started = Date.now();
  for (const command of plan.commands) {
    const code = await shown(command);
    if (code !== 0) {
      process.stderr.write(
        `\`${command.join(' ')}\` failed (exit ${code}); run it yourself and npm test again.\n`,
      );
      return 1;
    }
  }
  const after = await probe();
  const still = missingParts(after);
  if (still.length > 0) {
    process.stderr.write(
      `Installed, but still missing ${still.join(' and ')}; try: ${installLine(Object.values(PACKAGES), true)}\n`,
    );
    return 1;
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(
    `Browser tests ready in ${seconds} s: ${after.chromiumVersion}; font ${after.cjkFont}.\n`,
  );
  return 0;
}

process.exitCode = await main();
