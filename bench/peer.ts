/**
 * The peer: Microsoft Recognizers-Text, zh-cn number and percentage models. It is given one
 * sentence at a time (on whole reports it is far slower, see TOOLCHAIN.md), and its results
 * are mapped back to offsets of the whole text as figures without unit (it knows no measure
 * words): percentages get `%`, numbers ''.
 */
import { Culture, NumberRecognizer } from '@microsoft/recognizers-text-number';
import type { NumberMention } from '../lambda/pipeline/report/types.ts';

const recognizer = new NumberRecognizer(Culture.Chinese);
const numberModel = recognizer.getNumberModel();
const percentModel = recognizer.getPercentageModel();
const SENTENCE_END = /[。！？；!?;\n]/g;

/** Sentence spans of `text` (ends included), so that offsets map back. */
export function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + 1;
    if (end - start > 1) spans.push([start, end]);
    start = end;
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans;
}

interface ModelResult {
  start: number;
  text: string;
  resolution?: { value?: string };
}

function toMention(r: ModelResult, offset: number, unit: string): NumberMention | null {
  const raw = r.resolution?.value ?? '';
  const value = Number(raw.replace('%', ''));
  if (!Number.isFinite(value) || raw === '') return null;
  const start = offset + r.start;
  return { start, end: start + r.text.length, value, unit, qualifier: 'exact', text: r.text, label: '' };
}

/** Everything the peer finds, in text order; a number inside a percentage is left out. */
export function peerMentions(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const [start, end] of sentenceSpans(text)) {
    const sentence = text.slice(start, end);
    const percents = (percentModel.parse(sentence) as ModelResult[])
      .map((r) => toMention(r, start, '%'))
      .filter((m): m is NumberMention => m !== null);
    const numbers = (numberModel.parse(sentence) as ModelResult[])
      .map((r) => toMention(r, start, ''))
      .filter((m): m is NumberMention => m !== null)
      .filter((n) => !percents.some((p) => p.start < n.end && n.start < p.end));
    out.push(...[...percents, ...numbers].sort((a, b) => a.start - b.start));
  }
  return out;
}
