/**
 * A clone is all there is: no tracked file may refer to a folder of shared material beside the
 * project (by a parent-relative path, or a quoted path starting with that folder's name), since a
 * user's clone has none. The spellings are built from pieces so this file does not match itself.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/temp.ts';

const FOLDER = ['sha', 'red'].join('');
const OUTSIDE = new RegExp(`\\.\\./${FOLDER}|'${FOLDER}/|"${FOLDER}/`);
const ROOT = fileURLToPath(PROJECT_ROOT);

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\0')
    .filter(Boolean);
}

describe('the project stands alone', () => {
  const files = trackedFiles();

  it('has its files tracked by git', () => {
    expect(files).toContain('package.json');
    expect(files).toContain('tests/fixtures/corpus/MANIFEST.tsv');
  });

  it('refers to no folder outside itself in any tracked file', () => {
    const referring = files.filter((file) => OUTSIDE.test(readFileSync(`${ROOT}/${file}`, 'latin1')));
    expect(referring, `files that refer to ../${FOLDER}`).toEqual([]);
  });

  it.each([
    ['see ../x/DESIGN.md', true],
    ["new URL('x/corpus/', root)", true],
    ['"x/long"', true],
    ['a x string, x strings', false],
    ['the x machine', false],
  ])('catches %s: %s', (text, caught) => {
    expect(OUTSIDE.test(text.replaceAll('x', FOLDER))).toBe(caught);
  });
});
