import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  archiveKey,
  archiveKeyExtension,
  FETCH_STATE_KEY,
  INDEX_PAGE,
  isReportId,
  KVS_POINTER_KEY,
  reportPath,
  SITE_LOG_KEYS,
  TEMPORARY_FILE,
  temporaryPath,
  VERSION_ID,
  VERSIONS_PREFIX,
  versionedPath,
  versionManifestPath,
} from '../../lambda/contract/index.ts';
import { PROJECT_ROOT } from '../support/temp.ts';

const SHA = 'ab'.repeat(32);
const VERSION = '20261127T052300Z-3f0c9a1b2c4d';

describe('storage keys', () => {
  it('puts a version and its file list under versions/', () => {
    expect(versionedPath(VERSION, 'data/figures.csv')).toBe(`versions/${VERSION}/data/figures.csv`);
    expect(versionedPath(VERSION, '')).toBe(`versions/${VERSION}/`);
    expect(versionManifestPath(VERSION)).toBe(`versions/${VERSION}/manifest.json`);
    expect(reportPath('qingshi-2024', 'source.txt')).toBe('reports/qingshi-2024/source.txt');
  });

  it.each([
    [`sources/qingshi-2024/${SHA}.html`, 'qingshi-2024', 'html'],
    [`sources/qingshi-2024/${SHA}.pdf`, 'qingshi-2024', 'pdf'],
    [`sources/qingshi-2024/${SHA}.pdf`, 'qingshi-2023', undefined],
    [`sources/qingshi-2024/${SHA.slice(1)}.pdf`, 'qingshi-2024', undefined],
    [`sources/qingshi-2024/x/${SHA}.pdf`, 'qingshi-2024', undefined],
    ['sources/_state.json', '_state.json', undefined],
  ])('archive key %s of report %s has extension %s', (key, id, extension) => {
    expect(archiveKeyExtension(key, id)).toBe(extension);
  });

  it('reads back the extension of the archive key it makes, and the fetch state is no report', () => {
    expect(archiveKeyExtension(archiveKey('qingshi-2024', SHA, 'html'), 'qingshi-2024')).toBe('html');
    expect(FETCH_STATE_KEY).toBe('sources/_state.json');
    expect(isReportId(FETCH_STATE_KEY.split('/')[1]?.replace(/\.json$/, '') ?? '')).toBe(false);
  });

  it.each([
    ['figures.csv.tmp-4242-7', '4242'],
    ['figures.csv.tmp-4242', undefined],
    ['figures.tmp-x-1', undefined],
  ])('%s is a temporary file of process %s', (name, pid) => {
    expect(TEMPORARY_FILE.exec(name)?.[1]).toBe(pid);
  });

  it('names temporary files so that they are recognised', () => {
    expect(temporaryPath('/site/data/figures.csv', 4242, 7)).toBe('/site/data/figures.csv.tmp-4242-7');
    expect(TEMPORARY_FILE.test(temporaryPath('a', 1, 2))).toBe(true);
  });

  // The CloudFront function is deployed as one file and cannot import: it must spell the same facts.
  it('is spelled the same in the CloudFront function', async () => {
    const code = await readFile(new URL('lambda/serve/version-pointer.js', PROJECT_ROOT), 'utf8');
    expect(code).toContain(`const POINTER_KEY = '${KVS_POINTER_KEY}';`);
    expect(code).toContain(`const VERSION_ID = /${VERSION_ID.source}/;`);
    expect(code).toContain(`uri.indexOf('/${VERSIONS_PREFIX}') === 0`);
    for (const key of SITE_LOG_KEYS) expect(code).toContain(`uri === '/${key}'`);
    expect(code).toContain(
      `request.uri = \`/${VERSIONS_PREFIX}\${version}\${uri.endsWith('/') ? \`\${uri}${INDEX_PAGE}\``,
    );
  });
});
