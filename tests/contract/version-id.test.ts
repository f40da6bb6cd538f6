import { describe, expect, it } from 'vitest';
import { isVersionId, versionId } from '../../lambda/contract/index.ts';

describe('version ids', () => {
  it.each([
    ['2026-11-27T05:23:00.123Z', '3f0c9a1b2c4d5e6f', '20261127T052300Z-3f0c9a1b2c4d'],
    ['2026-01-02T03:04:05Z', 'abcdef0123456789', '20260102T030405Z-abcdef012345'],
  ])('%s with hash %s is %s', (created, hash, id) => {
    expect(versionId(created, hash)).toBe(id);
    expect(isVersionId(id)).toBe(true);
  });

  it.each([['20261127T052300Z-3F0C9A1B2C4D'], ['20261127T052300Z-3f0c9a1b2c4'], ['../x'], [42], [undefined]])(
    '%j is no version id',
    (value) => {
      expect(isVersionId(value)).toBe(false);
    },
  );

  it('refuses a time it cannot make an id of', () => {
    expect(() => versionId('27 Nov 2026', '3f0c9a1b2c4d')).toThrow(
      'Cannot make a version id from "27 Nov 2026"',
    );
  });
});
