/**
 * One measurement in its own process, so that its peak RSS is its own:
 * `node --import tsx bench/worker.ts <ours|peer|regex> <scale>` prints one JSON line.
 * The extraction is timed over the whole speed corpus; the best pass of those that fit in the
 * time budget counts (the least disturbed by other work on a shared machine). Every timed pass
 * lasts at least MIN_PASS_S, going over the corpus again as often as needed: a best-of over
 * 10 ms passes (ours) against one over 1 s passes (the peer) would favour the fast scanner, whose
 * short windows can slip between the other work of a loaded machine.
 */
import { extractFigures } from '../lambda/pipeline/extract/figures.ts';
import type { ReportFrame } from '../lambda/pipeline/extract/index.ts';
import { parseStructure } from '../lambda/pipeline/structure/structure.ts';
import { speedCorpus } from './texts.ts';

const DIGITS = /[0-9０-９]+(?:[.．][0-9０-９]+)?/g;
const [name = 'ours', scaleArg = '1', budgetArg = '2'] = process.argv.slice(2);
// The peer's models are loaded only in the peer's process: they would weigh on the others' RSS.
const peer = name === 'peer' ? (await import('./peer.ts')).peerMentions : null;
/**
 * Ours reads each text as buildReport does, in its report's frame (kind, year, headings), so the
 * time includes what each figure means; the structure is parsed once, before any timing.
 */
const frames = new Map<string, ReportFrame>();
const frameOf = (text: string): ReportFrame => {
  let frame = frames.get(text);
  if (frame === undefined) {
    const { titleInfo, headings } = parseStructure(text);
    frame = { kind: titleInfo.kind, year: titleInfo.year, headings };
    frames.set(text, frame);
  }
  return frame;
};
const SCANNERS: Record<string, (text: string) => number> = {
  ours: (text) => extractFigures(text, frameOf(text)).length,
  peer: (text) => (peer ? peer(text).length : 0),
  regex: (text) => text.match(DIGITS)?.length ?? 0,
};
const scan = SCANNERS[name];
if (!scan) throw new Error(`unknown scanner "${name}": use ours, peer or regex`);
const scale = Number(scaleArg);
const budgetS = Number(budgetArg);
const { texts, bytes } = speedCorpus(scale);
if (name === 'ours') for (const text of texts) frameOf(text);

const MIN_PASS_S = 0.5;
let best = Number.POSITIVE_INFINITY;
let items = 0;
let passes = 0;
const started = performance.now();
// At least one pass (two for the fast scanners, the first one warming up the JIT), then more while within budget.
while (passes < (name === 'peer' ? 1 : 2) || (performance.now() - started) / 1000 < budgetS) {
  const t0 = performance.now();
  let rounds = 0;
  do {
    items = 0;
    for (const text of texts) items += scan(text);
    rounds++;
  } while ((performance.now() - t0) / 1000 < MIN_PASS_S);
  best = Math.min(best, (performance.now() - t0) / 1000 / rounds);
  passes++;
  if (passes >= 20) break;
}

console.log(
  JSON.stringify({
    scanner: name,
    scale,
    mb: bytes / 1e6,
    seconds: best,
    mb_s: bytes / 1e6 / best,
    items,
    passes,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  }),
);
