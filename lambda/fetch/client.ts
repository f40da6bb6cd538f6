/**
 * Fetching one URL politely: a user agent that names the project, conditional requests, a pause
 * between requests to the same host, retries with exponential backoff on 5xx and network failures,
 * and a bounded number of redirects, each one checked like the first URL.
 */
import { type RetryRules, retry } from '../retry.ts';
import { type PrivateAddressPolicy, urlProblem } from './address.ts';
import { isRetryableStatus, retryAfterMs } from './backoff.ts';
import { FetchError } from './fetch-error.ts';
import { type HttpGet, type HttpGetResponse, httpGet } from './http-get.ts';
import { type Clock, HostPacer, REAL_CLOCK } from './pacer.ts';

export const USER_AGENT =
  'opendata-publisher/0.1 (turns figures in local-government reports into open data; fetches each registered page at most once a run)';

export interface FetchPolicy {
  /** @default USER_AGENT */
  userAgent: string;
  /** Deadline for one request, headers and body. @default 30000 */
  timeoutMs: number;
  /** Retries after the first try, for 5xx, 429 and network failures. @default 3 */
  retries: number;
  /** Ceiling of the first backoff wait (full jitter under it); doubles with each retry. @default 1000 */
  backoffMs: number;
  /** @default 30000 */
  maxBackoffMs: number;
  /** Bodies past this are abandoned. @default 20 MiB */
  maxBytes: number;
  /** @default 5 */
  maxRedirects: number;
  /** Minimum time between two requests to the same host. @default 2000 */
  minIntervalMs: number;
  /** @default false */
  allowPrivate: PrivateAddressPolicy;
}

const DEFAULT_POLICY: FetchPolicy = {
  userAgent: USER_AGENT,
  timeoutMs: 30_000,
  retries: 3,
  backoffMs: 1000,
  maxBackoffMs: 30_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  minIntervalMs: 2000,
  allowPrivate: false,
};

/** The HTTP validators of an earlier fetch, sent back so that an unchanged page costs one 304. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type PageResult =
  | { status: 'unchanged'; url: string }
  | {
      status: 'fetched';
      url: string;
      contentType: string;
      etag?: string;
      lastModified?: string;
      body: Uint8Array;
    };

export class PageClient {
  readonly policy: FetchPolicy;
  readonly #pacer: HostPacer;

  constructor(
    policy: Partial<FetchPolicy> = {},
    readonly clock: Clock = REAL_CLOCK,
    readonly transport: HttpGet = httpGet,
  ) {
    this.policy = { ...DEFAULT_POLICY, ...policy };
    this.#pacer = new HostPacer(this.policy.minIntervalMs, clock);
  }

  /** GETs `url`, following redirects. Throws FetchError with the problem when it cannot. */
  async get(url: string, validators: Validators = {}): Promise<PageResult> {
    let current = parseUrl(url);
    for (let hop = 0; ; hop++) {
      const problem = urlProblem(current, this.policy.allowPrivate);
      if (problem)
        throw new FetchError(hop === 0 ? problem : `redirected to ${current.href}: ${problem}`, false);
      const response = await this.#getWithRetries(current, validators);
      const location = response.headers.location;
      if (response.status === 304) return { status: 'unchanged', url: current.href };
      if (response.status >= 300 && response.status < 400 && location) {
        if (hop >= this.policy.maxRedirects)
          throw new FetchError(`more than ${this.policy.maxRedirects} redirects`, false);
        current = parseUrl(location, current);
        continue;
      }
      if (response.status !== 200) throw new FetchError(`HTTP ${response.status}`, false, response.status);
      return {
        status: 'fetched',
        url: current.href,
        contentType: response.headers['content-type'] ?? '',
        etag: response.headers.etag,
        lastModified: response.headers['last-modified'],
        body: response.body,
      };
    }
  }

  /**
   * One request, tried again on 5xx, 429 and network failures. The wait is jittered, which cannot
   * make it impolite: the pacer still keeps `minIntervalMs` between two requests to one host.
   */
  #getWithRetries(url: URL, validators: Validators): Promise<HttpGetResponse> {
    const { retries, backoffMs, maxBackoffMs } = this.policy;
    const once = async () => {
      await this.#pacer.wait(url.host);
      const response = await this.transport(this.#request(url, validators));
      if (!isRetryableStatus(response.status)) return response;
      const wait = retryAfterMs(response.headers['retry-after'], maxBackoffMs) ?? undefined;
      throw new FetchError(`HTTP ${response.status}`, true, response.status, wait);
    };
    const policy = { attempts: retries + 1, baseDelayMs: backoffMs, maxDelayMs: maxBackoffMs };
    return retry(once, { ...policy, sleep: (ms) => this.clock.sleep(ms) }, FETCH_RETRY_RULES);
  }

  #request(url: URL, validators: Validators) {
    const headers: Record<string, string> = {
      'user-agent': this.policy.userAgent,
      accept: 'text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5',
      'accept-encoding': 'gzip, deflate, br',
      'accept-language': 'zh-CN,zh;q=0.9',
    };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    const { timeoutMs, maxBytes, allowPrivate } = this.policy;
    return { url, headers, timeoutMs, maxBytes, allowPrivate };
  }
}

const FETCH_RETRY_RULES: RetryRules = {
  isTransient: (error: unknown) => error instanceof FetchError && error.retryable,
  waitFor: (error: unknown) => (error instanceof FetchError ? error.retryAfterMs : undefined),
  /** The last failure, final now, with the tries it took; anything else (a bug) as it is. */
  failure: (error: unknown, attempts: number) => {
    if (!(error instanceof FetchError && error.retryable)) return error;
    const { message, status } = error;
    if (status !== undefined) return new FetchError(`HTTP ${status} after ${attempts} tries`, false, status);
    return new FetchError(`${message} (${attempts} tries)`, false);
  },
};

function parseUrl(text: string, base?: URL): URL {
  try {
    return new URL(text, base);
  } catch {
    throw new FetchError(`${JSON.stringify(text)} is not a URL`, false);
  }
}
