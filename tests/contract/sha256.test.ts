import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256Stream } from '../../lambda/contract/index.ts';

const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('sha256', () => {
  it.each([
    ['abc', ABC],
    [new TextEncoder().encode('abc'), ABC],
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ])('of %j is %s', (data, hex) => {
    expect(sha256Hex(data)).toBe(hex);
  });

  it('gives the same hash in chunks as whole', () => {
    expect(sha256Stream().update('a').update(new TextEncoder().encode('bc')).digest('hex')).toBe(ABC);
  });
});
