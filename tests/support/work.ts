/**
 * A count of the work a synchronous call does, in steps that each cost about the same: array and
 * string iteration steps (for-of, spreads, the callbacks of filter, find, map …), characters a
 * regular expression or indexOf scans, characters of the string keys of Map lookups, and bytes
 * hashed. Timings are noise on a shared machine; this count is the same on every run, so a test can
 * say that doubling an input doubles the work.
 *
 * It watches the built-ins the pipeline spends its time in, not the pipeline itself: the code under
 * test runs unchanged (slower, while it is watched). Only for synchronous calls: the built-ins are
 * restored before it returns.
 */
import { createHash } from 'node:crypto';

type Method = (this: unknown, ...args: never[]) => unknown;

const ARRAY_CALLBACKS = [
  'filter',
  'find',
  'findIndex',
  'findLast',
  'some',
  'every',
  'map',
  'flatMap',
  'forEach',
  'reduce',
];

/** The work `run` does, and what it returned. */
export function countWork<T>(run: () => T): { result: T; work: number } {
  let work = 0;
  const restore: (() => void)[] = [];
  const watch = (
    owner: object,
    name: PropertyKey,
    cost: (self: unknown, args: unknown[], out: unknown, from: number) => number,
  ) => {
    const original = Reflect.get(owner, name) as Method;
    restore.push(() => Reflect.set(owner, name, original));
    Reflect.set(owner, name, function (this: unknown, ...args: never[]) {
      // Where a global or sticky expression starts is its lastIndex before the call; a sticky one
      // looks there only.
      const from = this instanceof RegExp && (this.global || this.sticky) ? this.lastIndex : 0;
      const sticky = this instanceof RegExp && this.sticky;
      const out = original.apply(this, args);
      work += sticky && out === null ? 1 : cost(this, args, out, from);
      return out;
    });
  };
  const arrayIterator = Object.getPrototypeOf([][Symbol.iterator]()) as object;
  const stringIterator = Object.getPrototypeOf(''[Symbol.iterator]()) as object;
  watch(arrayIterator, 'next', () => 1);
  watch(stringIterator, 'next', () => 1);
  for (const name of ARRAY_CALLBACKS) watch(Array.prototype, name, (self) => (self as unknown[]).length);
  watch(RegExp.prototype, 'exec', (_self, args, out, from) => scanned(String(args[0]), out, from));
  watch(String.prototype, 'indexOf', (self, args, out) => searched(String(self), args, out as number, 1));
  watch(String.prototype, 'lastIndexOf', (self, args, out) =>
    searched(String(self), args, out as number, -1),
  );
  watch(String.prototype, 'includes', (self) => String(self).length);
  for (const name of ['get', 'set', 'has'] as const)
    watch(Map.prototype, name, (_self, args) => (typeof args[0] === 'string' ? args[0].length : 1));
  const hash = Object.getPrototypeOf(createHash('sha256')) as object;
  watch(hash, 'update', (_self, args) => {
    const data = args[0] as string | Uint8Array;
    return typeof data === 'string' ? data.length : data.byteLength;
  });
  try {
    return { result: run(), work };
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}

/** Characters an exec call looked at: from where it started to the match's end, or to the end. */
function scanned(input: string, out: unknown, from: number): number {
  const match = out as RegExpExecArray | null;
  const to = match ? match.index + match[0].length : input.length;
  return Math.max(1, to - Math.min(from, to));
}

/** Characters an indexOf (direction 1) or lastIndexOf (-1) call passed over. */
function searched(self: string, args: unknown[], found: number, direction: 1 | -1): number {
  const from = typeof args[1] === 'number' ? args[1] : direction > 0 ? 0 : self.length;
  const to = found >= 0 ? found : direction > 0 ? self.length : 0;
  return Math.max(1, Math.abs(to - from));
}
