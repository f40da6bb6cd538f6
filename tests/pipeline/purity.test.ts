import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/temp.ts';

/** The pipeline is pure (text in, bytes out): no AWS, no file system, no environment, no clock. */
const FORBIDDEN = [
  /from ['"](?:node:)?(?:fs|fs\/promises|child_process|net|http|https|os)['"]/,
  /from ['"]@aws-sdk\//,
  /from ['"]aws-cdk-lib/,
  /\bprocess\.env\b/,
  /\bDate\.now\(|new Date\(\)/,
  /\bMath\.random\(/,
];

const pipelineDir = new URL('lambda/pipeline/', PROJECT_ROOT);
// Every stage folder, however deep: a new room is checked as soon as it has a file.
const files = (await readdir(pipelineDir, { recursive: true })).filter((name) => /\.tsx?$/.test(name)).sort();

describe('lambda/pipeline is pure', () => {
  it('has source files', () => {
    expect(files.length).toBeGreaterThan(60);
    expect(files).toContain('extract/numbers/number-tokens.ts');
  });

  it.each(files)('%s imports no I/O and reads no clock or environment', async (name) => {
    const source = await readFile(new URL(name, pipelineDir), 'utf8');
    for (const pattern of FORBIDDEN) expect(source, `${name} matches ${pattern}`).not.toMatch(pattern);
  });
});
