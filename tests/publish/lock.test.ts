/**
 * Many processes race for one stale lock (its holder killed), round after round: exactly one takes
 * it each time, however their steps interleave. Each rival is a real process, since the lock tells
 * holders apart by pid.
 */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../lambda/publish/lock.ts';
import { PROJECT_ROOT, useTempDirs } from '../support/temp.ts';

const RIVALS = 20;
const ROUNDS = 25;
const tempDir = useTempDirs();

interface Rival {
  child: ChildProcessWithoutNullStreams;
  lines: Interface;
  next(): Promise<string>;
}

function startRival(): Rival {
  const script = fileURLToPath(new URL('tests/support/lock-rival.ts', PROJECT_ROOT));
  // tsx as a loader in the rival itself: its CLI would start a second process per rival to run it.
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: fileURLToPath(PROJECT_ROOT) });
  const lines = createInterface({ input: child.stdout });
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => {
    const wake = waiting.shift();
    if (wake) wake(line);
    else queue.push(line);
  });
  const next = () =>
    new Promise<string>((resolve) => {
      const line = queue.shift();
      if (line !== undefined) resolve(line);
      else waiting.push(resolve);
    });
  return { child, lines, next };
}

/** The pid of a process that has exited: what a lock left by a killed run holds. */
function deadPid(): number {
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(gone.stdout);
}

function holderBytes(pid: number, nonce?: string): string {
  return `${JSON.stringify({ pid, host: hostname(), started: '2026-11-27T02:00:00.000Z', ...(nonce ? { nonce } : {}) })}\n`;
}

const rivals: Rival[] = [];
beforeAll(async () => {
  for (let i = 0; i < RIVALS; i++) rivals.push(startRival());
  expect(await Promise.all(rivals.map((rival) => rival.next()))).toEqual(Array(RIVALS).fill('ready'));
}, 120_000);
afterAll(() => {
  for (const rival of rivals) rival.child.kill();
});

/** All rivals try at once; the winner holds until every rival has answered. Returns the answers. */
async function race(dir: string): Promise<string[]> {
  for (const rival of rivals) rival.child.stdin.write(`take ${dir}\n`);
  const answers = await Promise.all(rivals.map((rival) => rival.next()));
  await Promise.all(
    rivals.map(async (rival, i) => {
      if (answers[i] !== 'won') return;
      rival.child.stdin.write('release\n');
      expect(await rival.next()).toBe('released');
    }),
  );
  return answers;
}

describe(`${RIVALS} processes racing for a stale lock`, () => {
  it(`exactly one takes it, in each of ${ROUNDS} rounds (locks old and new, claims left by killed takers)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const dir = await tempDir();
      const stale = holderBytes(deadPid(), round % 2 ? 'a1b2c3d4e5f60718' : undefined);
      await writeFile(join(dir, LOCK_FILE), stale);
      if (round % 5 === 4) {
        // A taker killed while it held its claim on this stale lock.
        const hash = createHash('sha256').update(stale).digest('hex').slice(0, 20);
        await writeFile(
          join(dir, `${LOCK_FILE}.takeover-${hash}`),
          holderBytes(deadPid(), 'ffffffffffffffff'),
        );
      }
      const answers = await race(dir);
      expect(
        answers.filter((answer) => answer === 'won'),
        `round ${round}: ${answers.join(' ')}`,
      ).toHaveLength(1);
      expect(answers.filter((answer) => answer === 'lost')).toHaveLength(RIVALS - 1);
      // Released, nothing of the race is left: no claim, no draft.
      expect(await readdir(dir), `round ${round}`).toEqual([]);
    }
  }, 120_000);

  it('none takes a lock whose holder is alive', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK_FILE), holderBytes(process.pid));
    expect(await race(dir)).toEqual(Array(RIVALS).fill('lost'));
    expect(await readdir(dir)).toEqual([LOCK_FILE]);
  });
});
