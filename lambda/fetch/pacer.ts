/** A clock that can wait: the real one in production, a fake one where tests need it. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const REAL_CLOCK: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Politeness towards each site: at least `minIntervalMs` between the starts of two requests to the
 * same host, whether they are retries, redirects or different pages. Requests queue per host.
 */
export class HostPacer {
  readonly #next = new Map<string, Promise<number>>();

  constructor(
    readonly minIntervalMs: number,
    readonly clock: Clock = REAL_CLOCK,
  ) {}

  /** Resolves when a request to `host` may start. */
  async wait(host: string): Promise<void> {
    const previous = this.#next.get(host);
    const turn = (async () => {
      const last = previous ? await previous : Number.NEGATIVE_INFINITY;
      const wait = last + this.minIntervalMs - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait);
      return this.clock.now();
    })();
    this.#next.set(host, turn);
    await turn;
  }
}
