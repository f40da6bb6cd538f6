import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/temp.ts';

/**
 * The pipeline is pure (text in, bytes out), and so is the contract every room shares: no AWS, no
 * file system, no environment, no clock.
 */
const FORBIDDEN = [
  /from ['"](?:node:)?(?:fs|fs\/promises|child_process|net|http|https|os)['"]/,
  /from ['"]@aws-sdk\//,
  /from ['"]aws-cdk-lib/,
  /\bprocess\.env\b/,
  /\bDate\.now\(|new Date\(\)/,
  /\bMath\.random\(/,
];

// Every stage folder, however deep: a new room is checked as soon as it has a file.
async function sourcesUnder(folder: string): Promise<string[]> {
  const names = await readdir(new URL(folder, PROJECT_ROOT), { recursive: true });
  return names
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => `${folder}${name}`)
    .sort();
}

const files = await sourcesUnder('lambda/pipeline/');
const contractFiles = await sourcesUnder('lambda/contract/');

describe('lambda/pipeline is pure', () => {
  it('has source files', () => {
    expect(files.length).toBeGreaterThan(60);
    expect(files).toContain('lambda/pipeline/extract/numbers/number-tokens.ts');
  });

  it.each(files)('%s imports no I/O and reads no clock or environment', async (name) => {
    await expectPure(name);
  });
});

describe('lambda/contract is pure', () => {
  it('has source files', () => {
    expect(contractFiles).toContain('lambda/contract/index.ts');
  });

  it.each(contractFiles)('%s imports no I/O and reads no clock or environment', async (name) => {
    await expectPure(name);
  });
});

async function expectPure(name: string): Promise<void> {
  const source = await readFile(new URL(name, PROJECT_ROOT), 'utf8');
  for (const pattern of FORBIDDEN) expect(source, `${name} matches ${pattern}`).not.toMatch(pattern);
}
