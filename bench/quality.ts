/**
 * Precision, recall and F1 over the gold reports, for ours and for the peer. Ours is scored as
 * FIGURES.md says (overlap + value + unit). The peer gives no units, so it is scored by the same
 * overlap + value rule with units left out on both sides (which can only help it), and, as ours,
 * only inside the report body (title and footer left out).
 */
import type { NumberMention } from '../lambda/pipeline/report/types.ts';
import { microScore, type Score, scoreFigures } from '../tests/support/score.ts';
import { peerMentions } from './peer.ts';
import type { GoldCase } from './texts.ts';

export interface Quality {
  precision: number;
  recall: number;
  f1: number;
  label_accuracy: number;
  qualifier_accuracy: number;
}

function quality(s: Score): Quality {
  return {
    precision: s.precision,
    recall: s.recall,
    f1: s.f1,
    label_accuracy: s.labelAccuracy,
    qualifier_accuracy: s.qualifierAccuracy,
  };
}

const withoutUnit = <T extends { unit: string }>(x: T): T => ({ ...x, unit: '' });

export function oursQuality(cases: GoldCase[], unitBlind = false): Quality {
  return quality(
    microScore(
      cases.map((c) =>
        unitBlind
          ? scoreFigures(c.report.figures.map(withoutUnit), c.gold.map(withoutUnit))
          : scoreFigures(c.report.figures, c.gold),
      ),
    ),
  );
}

function inBody(c: GoldCase, m: NumberMention): boolean {
  const { titleSpan, footerStart } = c.report.structure;
  return m.start >= titleSpan.end && m.end <= footerStart;
}

export function peerQuality(cases: GoldCase[]): Quality {
  const scores = cases.map((c) => {
    const peer = peerMentions(c.report.text).filter((m) => inBody(c, m));
    return scoreFigures(peer.map(withoutUnit), c.gold.map(withoutUnit));
  });
  return quality(microScore(scores));
}
