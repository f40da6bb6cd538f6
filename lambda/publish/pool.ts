import pLimit, { type LimitFunction } from 'p-limit';

/**
 * Runs store operations a few at a time: S3 answers in tens of milliseconds, so one at a time would
 * take minutes for thousands of objects. p-limit holds the queue; this adds what the writers need of
 * it: `add` waits while a task is held back (so a producer of thousands of files never queues their
 * bodies in memory), the first failure is kept, and `drain` waits for all and throws it.
 */
export class Pool {
  readonly #limited: LimitFunction;
  readonly #settling = new Set<Promise<void>>();
  #failure: { error: unknown } | undefined;

  constructor(concurrency: number) {
    this.#limited = pLimit(concurrency);
  }

  async add(task: () => Promise<void>): Promise<void> {
    await this.#throwIfFailed();
    const settling: Promise<void> = this.#limited(() => this.#unlessFailed(task)).finally(() => {
      this.#settling.delete(settling);
    });
    this.#settling.add(settling);
    while (this.#limited.pendingCount > 0) {
      await Promise.race(this.#settling);
      await this.#throwIfFailed();
    }
  }

  async drain(): Promise<void> {
    await Promise.all(this.#settling);
    await this.#throwIfFailed();
  }

  /** Lets the operations in flight finish first: a failed run must not go on writing after it has thrown. */
  async #throwIfFailed(): Promise<void> {
    if (!this.#failure) return;
    await Promise.all(this.#settling);
    throw this.#failure.error;
  }

  /**
   * The task, unless one failed before p-limit started it: the failure is kept before p-limit
   * starts the next, so a task held back when a run fails never writes.
   */
  async #unlessFailed(task: () => Promise<void>): Promise<void> {
    if (this.#failure) return;
    try {
      await task();
    } catch (error) {
      this.#failure ??= { error };
    }
  }
}
