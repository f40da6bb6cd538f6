/**
 * Runs store operations a few at a time: S3 answers in tens of milliseconds, so one at a time would
 * take minutes for thousands of objects. `add` waits while the pool is full; `drain` waits for all
 * and throws the first failure.
 */
export class Pool {
  readonly #running = new Set<Promise<void>>();
  #failure: unknown;
  #failed = false;

  constructor(readonly limit: number) {}

  async add(task: () => Promise<void>): Promise<void> {
    await this.#throwIfFailed();
    while (this.#running.size >= this.limit) {
      await Promise.race(this.#running);
      await this.#throwIfFailed();
    }
    const running: Promise<void> = task().then(
      () => {
        this.#running.delete(running);
      },
      (error: unknown) => {
        this.#running.delete(running);
        if (!this.#failed) {
          this.#failed = true;
          this.#failure = error;
        }
      },
    );
    this.#running.add(running);
  }

  async drain(): Promise<void> {
    await Promise.all(this.#running);
    await this.#throwIfFailed();
  }

  /** Lets the operations in flight finish first: a failed run must not go on writing after it has thrown. */
  async #throwIfFailed(): Promise<void> {
    if (!this.#failed) return;
    await Promise.all(this.#running);
    throw this.#failure;
  }
}
