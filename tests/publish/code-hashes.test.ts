/**
 * The code hashes that key the result cache follow the code: run from the source tree, a change to
 * a file or a package changes the hash of each stage that imports it and of no other; run from an
 * esbuild bundle, the bundle's bytes are the code of every stage. Each case copies the project (its
 * lambda/ and what that reads) into a temporary folder, changes one thing and imports the copy's
 * own code-hashes.ts, as the running code would hash itself.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { type CodeHashes, codeHashes } from '../../lambda/publish/code-hashes.ts';
import { PROJECT_ROOT, useTempDirs } from '../support/temp.ts';

type Stage = keyof CodeHashes;
const STAGES: readonly Stage[] = ['figures', 'pages', 'rows', 'all'];
const CODE_HASHES = fileURLToPath(new URL('lambda/publish/code-hashes.ts', PROJECT_ROOT));

/**
 * What the code hashes read, copied: lambda/, the files it imports from outside it (data/*.json), package.json,
 * tsconfig.json (its JSX runtime), and node_modules as one link per package to the project's, so a
 * case can put a package of its own in place of one.
 */
async function copyProject(dir: string): Promise<string> {
  await cp(new URL('lambda/', PROJECT_ROOT), join(dir, 'lambda'), { recursive: true });
  const data = (await readdir(new URL('data/', PROJECT_ROOT))).filter((name) => name.endsWith('.json'));
  for (const file of ['package.json', 'tsconfig.json', ...data.map((name) => `data/${name}`)])
    await cp(new URL(file, PROJECT_ROOT), join(dir, file));
  await mkdir(join(dir, 'node_modules'));
  for (const name of await readdir(new URL('node_modules/', PROJECT_ROOT)))
    await symlink(
      fileURLToPath(new URL(`node_modules/${name}/`, PROJECT_ROOT)),
      join(dir, 'node_modules', name),
    );
  return dir;
}

/** The copy's own code-hashes.ts: a module of its own, memoised on its own. */
async function copiedCodeHashes(copy: string): Promise<typeof codeHashes> {
  const url = pathToFileURL(join(copy, 'lambda/publish/code-hashes.ts')).href;
  return ((await import(url)) as { codeHashes: typeof codeHashes }).codeHashes;
}

/** The hashes a copy's own code-hashes.ts makes of the copy. */
async function hashesOf(copy: string): Promise<CodeHashes> {
  return (await copiedCodeHashes(copy))();
}

/** One byte more at the end of a file of the copy. */
async function touch(copy: string, path: string): Promise<void> {
  await writeFile(join(copy, path), `${await readFile(join(copy, path), 'utf8')}\n`);
}

/** The copy's package `name` at another version: its own folder with only a package.json. */
async function bumpPackage(copy: string, name: string): Promise<void> {
  const json = JSON.parse(await readFile(new URL(`node_modules/${name}/package.json`, PROJECT_ROOT), 'utf8'));
  const dir = join(copy, 'node_modules', name);
  await unlink(dir);
  await mkdir(dir);
  await writeFile(join(dir, 'package.json'), JSON.stringify({ ...json, version: `${json.version}-other` }));
}

const changed = (before: CodeHashes, after: CodeHashes) =>
  STAGES.filter((stage) => before[stage] !== after[stage]);

describe('the code hashes, from the source tree', () => {
  const temp = useTempDirs();

  it('are one hex sha256 a stage, the same on every call', async () => {
    const hashes = await codeHashes();
    for (const stage of STAGES) expect(hashes[stage]).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(STAGES.map((stage) => hashes[stage])).size).toBe(4);
    expect(await codeHashes()).toBe(hashes);
  });

  it('are the same for a copy of the project elsewhere: paths count from the root', async () => {
    expect(await hashesOf(await copyProject(await temp()))).toEqual(await codeHashes());
  });

  it.each([
    ['a portal file', 'lambda/pipeline/portal/format.ts', ['pages', 'all'], ['figures', 'rows']],
    ['an extraction file', 'lambda/pipeline/extract/numbers/number-tokens.ts', STAGES, []],
    ['a formats file', 'lambda/pipeline/formats/xlsx.ts', ['rows', 'all'], ['figures']],
    ['a portal stylesheet', 'lambda/pipeline/portal/assets/site.css', ['all'], ['figures', 'pages', 'rows']],
    ['a CLI file', 'lambda/cli/usage.ts', ['all'], ['figures', 'pages', 'rows']],
    ['the settings the handler imports', 'data/site.json', ['all'], ['figures', 'pages', 'rows']],
  ] as const)('a change to %s (%s) changes %j and keeps %j', async (_, path, changes, keeps) => {
    const copy = await copyProject(await temp());
    await touch(copy, path);
    const differ = changed(await codeHashes(), await hashesOf(copy));
    expect(differ).toEqual(expect.arrayContaining([...changes]));
    for (const stage of keeps) expect(differ).not.toContain(stage);
  });

  it.each([
    [
      'preact, imported for types and by the JSX runtime only',
      'preact',
      ['pages', 'all'],
      ['figures', 'rows'],
    ],
    ['fflate, imported by the XLSX writer', 'fflate', ['rows', 'all'], ['figures']],
    ['spdx-exceptions, a dependency of a dependency of extraction', 'spdx-exceptions', STAGES, []],
  ] as const)('another version of %s (%s) changes %j and keeps %j', async (_, name, changes, keeps) => {
    const copy = await copyProject(await temp());
    await bumpPackage(copy, name);
    const differ = changed(await codeHashes(), await hashesOf(copy));
    expect(differ).toEqual(expect.arrayContaining([...changes]));
    for (const stage of keeps) expect(differ).not.toContain(stage);
  });

  it('fails on an import of no file, naming the importer, and tries again on the next call', async () => {
    const copy = await copyProject(await temp());
    const path = join(copy, 'lambda/pipeline/portal/format.ts');
    const source = await readFile(path, 'utf8');
    await writeFile(path, `import './gone.ts';\n${source}`);
    const copied = await copiedCodeHashes(copy);
    await expect(copied()).rejects.toThrow(
      'code hashes: lambda/pipeline/portal/format.ts imports ./gone.ts, no file',
    );
    await writeFile(path, source);
    expect(await copied()).toEqual(await codeHashes());
  });
});

/** A tiny entry that prints the code hashes, bundled by esbuild as the Lambda's handler is. */
function bundleCodeHashes(dir: string, format: 'esm' | 'cjs'): string {
  const outfile = join(dir, format === 'esm' ? 'index.mjs' : 'index.cjs');
  const contents = `import { codeHashes } from ${JSON.stringify(CODE_HASHES)};
codeHashes().then((hashes) => console.log(JSON.stringify(hashes)));\n`;
  buildSync({
    stdin: { contents, resolveDir: dir, sourcefile: 'entry.ts', loader: 'ts' },
    outfile,
    bundle: true,
    platform: 'node',
    format,
    target: 'node20',
    logLevel: 'error',
  });
  return outfile;
}

/** The hashes the bundle prints when plain node runs it. */
function runBundle(file: string): CodeHashes {
  const run = spawnSync(process.execPath, [file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`node ${file} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as CodeHashes;
}

describe('the code hashes, from a bundle', () => {
  const temp = useTempDirs();

  it.each(['esm', 'cjs'] as const)(
    'are the bytes of the %s bundle for every stage, and `all` adds the portal assets beside it',
    async (format) => {
      const dir = await temp();
      const file = bundleCodeHashes(dir, format);
      const built = runBundle(file);
      expect([built.pages, built.rows, built.all]).toEqual([built.figures, built.figures, built.figures]);
      expect(built.figures).not.toBe((await codeHashes()).figures);

      await writeFile(file, `${await readFile(file, 'utf8')}\n`);
      const rebuilt = runBundle(file);
      expect(changed(built, rebuilt)).toEqual(STAGES);

      await cp(new URL('lambda/pipeline/portal/assets/', PROJECT_ROOT), join(dir, 'portal-assets'), {
        recursive: true,
      });
      const withAssets = runBundle(file);
      expect(changed(rebuilt, withAssets)).toEqual(['all']);
      await touch(dir, 'portal-assets/site.css');
      expect(changed(withAssets, runBundle(file))).toEqual(['all']);
    },
  );
});
