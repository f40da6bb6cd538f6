import { describe, expect, it } from 'vitest';
import { Pool } from '../../lambda/publish/pool.ts';

/** A task that stays in flight until its test lets it go, and records what ran. */
class Tasks {
  readonly started: string[] = [];
  readonly finished: string[] = [];
  active = 0;
  mostActive = 0;
  readonly #release = new Map<string, (error?: Error) => void>();

  task(name: string): () => Promise<void> {
    return () => {
      this.started.push(name);
      this.active += 1;
      this.mostActive = Math.max(this.mostActive, this.active);
      return new Promise<void>((resolve, reject) => {
        this.#release.set(name, (error) => {
          this.active -= 1;
          this.finished.push(name);
          if (error) reject(error);
          else resolve();
        });
      });
    };
  }

  end(name: string, error?: Error): void {
    const release = this.#release.get(name);
    if (!release) throw new Error(`${name} has not started`);
    release(error);
  }
}

/** Lets every pending promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Pool', () => {
  it.each([1, 2, 5])('runs at most %i at once, and add waits while a task is held back', async (limit) => {
    const tasks = new Tasks();
    const pool = new Pool(limit);
    for (let i = 0; i < limit; i += 1) await pool.add(tasks.task(`t${i}`));
    let added = false;
    const adding = pool.add(tasks.task('late')).then(() => {
      added = true;
    });
    await settle();
    expect([added, tasks.started.length, tasks.mostActive]).toEqual([false, limit, limit]);
    tasks.end('t0');
    await adding;
    await settle();
    expect(tasks.started).toEqual([...Array.from({ length: limit }, (_, i) => `t${i}`), 'late']);
    expect(tasks.mostActive).toBe(limit);
  });

  it('drain waits for every task', async () => {
    const tasks = new Tasks();
    const pool = new Pool(3);
    for (const name of ['a', 'b', 'c']) await pool.add(tasks.task(name));
    let drained = false;
    const draining = pool.drain().then(() => {
      drained = true;
    });
    tasks.end('b');
    tasks.end('a');
    await settle();
    expect(drained).toBe(false);
    tasks.end('c');
    await draining;
    expect(tasks.finished).toEqual(['b', 'a', 'c']);
  });

  it('throws the first failure from drain, once the others are done', async () => {
    const tasks = new Tasks();
    const pool = new Pool(3);
    for (const name of ['a', 'b', 'c']) await pool.add(tasks.task(name));
    const draining = pool.drain().then(
      () => 'drained',
      (error: Error) => `${error.message} after ${tasks.finished.join(' ')}`,
    );
    tasks.end('b', new Error('b failed'));
    tasks.end('a', new Error('a failed'));
    await settle();
    tasks.end('c');
    expect(await draining).toBe('b failed after b a c');
  });

  it('refuses new tasks after a failure, and never starts the one held back', async () => {
    const tasks = new Tasks();
    const pool = new Pool(1);
    await pool.add(tasks.task('a'));
    const held = pool.add(tasks.task('held')).then(
      () => 'added',
      (error: Error) => error.message,
    );
    tasks.end('a', new Error('a failed'));
    expect(await held).toBe('a failed');
    await expect(pool.add(tasks.task('after'))).rejects.toThrow('a failed');
    await expect(pool.drain()).rejects.toThrow('a failed');
    expect(tasks.started).toEqual(['a']);
  });
});
