/** Printing of a benchmark run: Markdown tables for people, JSON lines for machines. */
import type { BenchResult } from './run.ts';

export function printJson(r: BenchResult): void {
  const { ours, peer, regex, quality } = r;
  const lines: object[] = [
    {
      name: 'extract',
      mb: ours.mb,
      ours_mb_s: ours.mb_s,
      peer_mb_s: peer.mb_s,
      regex_mb_s: regex.mb_s,
      ours_f1: quality.corpus.f1,
      peer_f1: quality.peerCorpus.f1,
      peak_rss_mb: ours.peak_rss_mb,
      peer_peak_rss_mb: peer.peak_rss_mb,
      regex_peak_rss_mb: regex.peak_rss_mb,
      ours_to_peer: ours.mb_s / peer.mb_s,
      ours_to_regex: ours.mb_s / regex.mb_s,
      figures: ours.items,
      peer_mentions: peer.items,
    },
    ...r.scaling.map((s) => ({
      name: 'scale',
      scale: s.ours.scale,
      mb: s.ours.mb,
      ours_s: s.ours.seconds,
      ours_mb_s: s.ours.mb_s,
      regex_mb_s: s.regex.mb_s,
      peak_rss_mb: s.ours.peak_rss_mb,
      figures: s.ours.items,
    })),
    { name: 'quality-seed', ...quality.seed },
    { name: 'quality-corpus', ...quality.corpus },
    { name: 'quality-corpus-unit-blind', ...quality.corpusUnitBlind },
    { name: 'quality-peer-corpus', ...quality.peerCorpus },
    { name: 'quality-peer-seed', ...quality.peerSeed },
  ];
  for (const line of lines) console.log(JSON.stringify(line));
}

const f = (x: number, d = 1): string => x.toFixed(d);

export function printTables(r: BenchResult): void {
  const { ours, peer, regex, quality } = r;
  const q = quality;
  console.log(
    `Extraction over the long reports (${f(ours.mb, 2)} MB), each scanner in its own process, best pass (of ≥ 0.5 s each):\n`,
  );
  console.log('| scanner | MB/s | peak RSS (MB) | items found | corpus P | corpus R | corpus F1 |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(
    `| ours (extractFigures) | ${f(ours.mb_s)} | ${f(ours.peak_rss_mb, 0)} | ${ours.items} figures | ${f(q.corpus.precision, 3)} | ${f(q.corpus.recall, 3)} | ${f(q.corpus.f1, 3)} |`,
  );
  console.log(
    `| peer (Recognizers-Text zh-cn number + percentage) | ${f(peer.mb_s, 2)} | ${f(peer.peak_rss_mb, 0)} | ${peer.items} numbers | ${f(q.peerCorpus.precision, 3)} | ${f(q.peerCorpus.recall, 3)} | ${f(q.peerCorpus.f1, 3)} |`,
  );
  console.log(
    `| digit regex (ceiling) | ${f(regex.mb_s)} | ${f(regex.peak_rss_mb, 0)} | ${regex.items} matches | – | – | – |`,
  );
  console.log(
    `\nours / peer: ${f(ours.mb_s / peer.mb_s, 0)}×; ours / regex: ${f(ours.mb_s / regex.mb_s, 3)}. ` +
      `Ours scored unit-blind like the peer: F1 ${f(q.corpusUnitBlind.f1, 3)}.\n`,
  );
  console.log(
    '| scale | MB | ours s | ours MB/s | regex MB/s | ours peak RSS (MB) | figures |\n|---|---|---|---|---|---|---|',
  );
  for (const s of r.scaling) {
    console.log(
      `| ${s.ours.scale}× | ${f(s.ours.mb)} | ${f(s.ours.seconds, 3)} | ${f(s.ours.mb_s)} | ${f(s.regex.mb_s)} | ${f(s.ours.peak_rss_mb, 0)} | ${s.ours.items} |`,
    );
  }
  console.log(
    '\n| gold | precision | recall | F1 | label accuracy | qualifier accuracy |\n|---|---|---|---|---|---|',
  );
  for (const [name, s] of [
    ['seed (ours)', q.seed],
    ['corpus, micro (ours)', q.corpus],
    ['corpus, micro (peer, unit-blind)', q.peerCorpus],
  ] as const) {
    console.log(
      `| ${name} | ${f(s.precision, 3)} | ${f(s.recall, 3)} | ${f(s.f1, 3)} | ${f(s.label_accuracy, 3)} | ${f(s.qualifier_accuracy, 3)} |`,
    );
  }
}
