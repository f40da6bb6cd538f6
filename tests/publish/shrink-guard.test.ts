import { describe, expect, it } from 'vitest';
import { guardShrink, ShrinkRefusedError } from '../../lambda/publish/shrink-guard.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `town${i}-2023`);

describe('guardShrink', () => {
  it.each<[string, string[], string[], boolean]>([
    ['a first publication', [], [], false],
    ['the same reports', ids(4), ids(4), false],
    ['one of four dropped', ids(4), ids(3), false],
    ['half dropped', ids(4), ids(2), false],
    ['one of two dropped', ids(2), ids(1), false],
    ['three of four dropped', ids(4), ids(1), true],
    ['the only report dropped', ids(1), [], true],
    ['all dropped for others', ids(3), ['other-2023', 'another-2023', 'third-2023'], true],
    ['new reports only added', ids(2), [...ids(2), 'new-2024'], false],
  ])('%s: refused %s', (_name, live, next, refused) => {
    const run = () => guardShrink({ location: 'site/', live, next, allowShrink: false });
    if (refused) expect(run).toThrow(ShrinkRefusedError);
    else expect(run).not.toThrow();
    expect(() => guardShrink({ location: 'site/', live, next, allowShrink: true })).not.toThrow();
  });

  it('names the counts and the first reports it would drop', () => {
    expect(() => guardShrink({ location: 'site/', live: ids(7), next: [], allowShrink: false })).toThrow(
      'refusing to publish to site/: it has 7 reports online and this run would drop 7 of them ' +
        '(town0-2023, town1-2023, town2-2023, town3-2023, town4-2023, …), keeping 0; nothing was written',
    );
  });
});
