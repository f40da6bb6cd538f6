/** When to try again: 5xx and 429 answers and network failures are retried, other 4xx are final. */

export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429;
}

/** A Retry-After header in seconds (dates are not honoured: they need a clock), capped. */
export function retryAfterMs(header: string | undefined, maxMs: number): number | null {
  if (header === undefined || !/^\d+$/.test(header.trim())) return null;
  return Math.min(maxMs, Number(header.trim()) * 1000);
}
