/**
 * The hash of the code that shapes each kind of cached result, so that no result made by other code
 * is ever taken from the cache. Each is derived from the code's own files, never kept by hand. Run
 * from the source tree (tsx, vitest), a stage's hash covers the files its entry modules import,
 * transitively, and the name@version of each package they import (and those packages' own
 * dependencies), so a change to the portal re-renders pages without re-extracting figures. Run from
 * an esbuild bundle (the Lambda), which file a byte came from is no longer known: the bundle is
 * hashed whole for every stage. Every hash holds the Node version too, since its regular
 * expressions, Unicode tables and Intl shape results as much as our code does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { dirname, isAbsolute, join, posix, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sha256Hex } from '../contract/index.ts';
import { importSpecifiers } from './import-specifiers.ts';
import { portalAssetsDir } from './portal-assets.ts';

/** The hex sha256 of the code behind each kind of cached result, and of all the code. */
export interface CodeHashes {
  /** Extraction: a report's figures, as buildReport makes them. */
  figures: string;
  /** A report's own page. */
  pages: string;
  /** A report's rows of the datasets. */
  rows: string;
  /** Every file of lambda/ and what it imports, for the fast path of unchanged inputs. */
  all: string;
}

type Stage = Exclude<keyof CodeHashes, 'all'>;

/**
 * The entry modules of each stage, from the project root. A stage's hash covers every file they
 * import, transitively; a stage that works on another stage's results lists that stage's entries
 * too, so a change to extraction also changes the pages and rows made from its figures.
 */
const STAGE_ENTRIES: Readonly<Record<Stage, readonly string[]>> = {
  figures: ['lambda/pipeline/build/build-report.ts'],
  pages: ['lambda/pipeline/build/build-report.ts', 'lambda/pipeline/build/report-pages.ts'],
  rows: ['lambda/pipeline/build/build-report.ts', 'lambda/pipeline/build/report-rows.ts'],
};

/** Files whose imports are followed; any other file (JSON, CSS) is hashed as bytes only. */
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
/** Files with JSX, which import the JSX runtime without saying so. */
const JSX = /\.[jt]sx$/;

let memo: Promise<CodeHashes> | undefined;

/**
 * The code hashes of this process, computed once (the code does not change while it runs) and
 * shared by every caller; a computation that fails is not kept, so the next call tries again.
 */
export function codeHashes(): Promise<CodeHashes> {
  memo ??= hashesOf(import.meta.url).catch((error: unknown) => {
    memo = undefined;
    throw error;
  });
  return memo;
}

/**
 * From the source tree when this module runs as its own .ts file, else from the file it was
 * bundled into: import.meta.url in an ES module bundle, the script node was started with in a
 * CommonJS one (where esbuild leaves import.meta empty).
 */
function hashesOf(self: string | undefined): Promise<CodeHashes> {
  if (self?.endsWith('.ts')) return sourceHashes(fileURLToPath(new URL('../../', self)));
  const bundle = self ? fileURLToPath(self) : process.argv[1];
  if (bundle === undefined) throw new Error('code hashes: this code runs from no file that could be hashed');
  return bundleHashes(bundle);
}

const nodeLine = (): string => `node ${process.versions.node}`;
const fileLine = (path: string, sha: string): string => `file ${JSON.stringify(path)} ${sha}`;

/**
 * The bundle's bytes for every stage; `all` adds the portal assets the bundled code reads beside
 * it (portal-assets.ts), which are files of their own and not in the bundle.
 */
async function bundleHashes(bundle: string): Promise<CodeHashes> {
  const code = [nodeLine(), fileLine('bundle', sha256Hex(await readFile(bundle)))];
  const stage = sha256Hex(code.join('\n'));
  const beside = dirname(bundle);
  const assets = fileURLToPath(portalAssetsDir(pathToFileURL(bundle).href));
  const assetFiles = existsSync(assets) ? await filesUnder(beside, relative(beside, assets)) : [];
  const assetLines = await Promise.all(
    assetFiles.map(async (path) => fileLine(path, sha256Hex(await readFile(join(beside, path))))),
  );
  return { figures: stage, pages: stage, rows: stage, all: sha256Hex([...code, ...assetLines].join('\n')) };
}

/**
 * Each stage from its entries, and `all` from every file of lambda/, in one tree read once. The
 * reads are synchronous: some 220 small files, once a process, take two thirds of the time that
 * way (about 55 ms in all on an idle core, against 80 ms with promises).
 */
async function sourceHashes(root: string): Promise<CodeHashes> {
  const lambda = await filesUnder(root, 'lambda');
  const tree = new SourceTree(root, lambda, jsxRuntime(root));
  return {
    figures: tree.hash(STAGE_ENTRIES.figures),
    pages: tree.hash(STAGE_ENTRIES.pages),
    rows: tree.hash(STAGE_ENTRIES.rows),
    all: tree.hash(lambda),
  };
}

/** The module a JSX file imports unseen, as tsconfig.json's jsx options name it (`preact/jsx-runtime`). */
function jsxRuntime(root: string): string | undefined {
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as {
    compilerOptions?: { jsx?: string; jsxImportSource?: string };
  };
  const { jsx, jsxImportSource = 'react' } = tsconfig.compilerOptions ?? {};
  return jsx === 'react-jsx' ? `${jsxImportSource}/jsx-runtime` : undefined;
}

/** The files under a folder, as paths from `root` with forward slashes, sorted. */
async function filesUnder(root: string, folder: string): Promise<string[]> {
  const entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * A file of the tree: the sha256 of its bytes, the files it imports, and the folders of the
 * packages it imports (or `name@(not installed)`).
 */
interface TreeFile {
  readonly sha: string;
  readonly imports: string[];
  readonly packages: string[];
}

/** A package as its package.json says: `name@version` and the names of what it depends on. */
interface TreePackage {
  readonly id: string;
  readonly dependencies: readonly string[];
}

/**
 * The project's files and packages, each read once however many stages reach it. A stage's hash
 * is the sha256 of its lines: the Node version, `file "path" sha256` of each file it reaches,
 * sorted by path, then `package name@version` of each package, sorted.
 */
class SourceTree {
  readonly #root: string;
  /** Files known to exist (those of lambda/, listed once), which need no look to resolve. */
  readonly #listed: ReadonlySet<string>;
  readonly #jsxRuntime: string | undefined;
  readonly #files = new Map<string, TreeFile>();
  readonly #packages = new Map<string, TreePackage>();

  constructor(root: string, listed: Iterable<string>, jsxRuntime: string | undefined) {
    this.#root = root;
    this.#listed = new Set(listed);
    this.#jsxRuntime = jsxRuntime;
  }

  /** The hash of these files, what they import transitively, and the packages of all of them. */
  hash(entries: readonly string[]): string {
    const { files, packageDirs } = this.#closure(entries);
    const paths = [...files.keys()].sort();
    const lines = [nodeLine(), ...paths.map((path) => fileLine(path, files.get(path) as string))];
    return sha256Hex([...lines, ...this.#packageIds(packageDirs).map((id) => `package ${id}`)].join('\n'));
  }

  /** Every file the entries reach (path → sha256) and the folders of the packages they import. */
  #closure(entries: readonly string[]): { files: Map<string, string>; packageDirs: Set<string> } {
    const files = new Map<string, string>();
    const packageDirs = new Set<string>();
    const pending = [...entries];
    for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
      if (files.has(path)) continue;
      const file = this.#file(path);
      files.set(path, file.sha);
      for (const dir of file.packages) packageDirs.add(dir);
      pending.push(...file.imports);
    }
    return { files, packageDirs };
  }

  /**
   * A file's hash and imports, read once. Relative imports of types are followed too (they cost a
   * needless miss at worst); packages imported only for their types are not, since those are
   * erased and may not even be installed (`aws-lambda` is @types/aws-lambda).
   */
  #file(path: string): TreeFile {
    const known = this.#files.get(path);
    if (known) return known;
    const bytes = readFileSync(join(this.#root, path));
    const file: TreeFile = { sha: sha256Hex(bytes), imports: [], packages: [] };
    this.#files.set(path, file);
    if (!SOURCE.test(path)) return file;
    const specifiers = importSpecifiers(bytes.toString('utf8'));
    if (this.#jsxRuntime && JSX.test(path))
      specifiers.push({ specifier: this.#jsxRuntime, line: 0, typeOnly: false });
    for (const { specifier, typeOnly } of specifiers) {
      if (specifier.startsWith('.')) file.imports.push(this.#resolve(path, specifier));
      else if (!typeOnly && !isBuiltin(specifier)) file.packages.push(this.#package(path, specifier));
    }
    return file;
  }

  /** The file a relative specifier names, from the root; an import of no file is an error, not a skip. */
  #resolve(from: string, specifier: string): string {
    const path = posix.normalize(posix.join(posix.dirname(from), specifier));
    if (!this.#listed.has(path) && !existsSync(join(this.#root, path)))
      throw new Error(`code hashes: ${from} imports ${specifier}, no file`);
    return path;
  }

  /**
   * The folder of the package a bare specifier names, found as Node finds it from the importing
   * file, or `name@(not installed)`: code that imports it cannot run here (the CloudFront
   * function's `cloudfront`), so it makes no result, but its installing must change the hash.
   */
  #package(from: string, specifier: string): string {
    const name = packageName(specifier);
    return findPackage(name, dirname(join(this.#root, from))) ?? `${name}@(not installed)`;
  }

  /**
   * `name@version` of these packages and of every package they depend on that is installed,
   * sorted; a package that is not installed stands as its `name@(not installed)`.
   */
  #packageIds(dirs: Iterable<string>): string[] {
    const seen = new Set<string>();
    const ids = new Set<string>();
    const pending = [...dirs];
    for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
      if (seen.has(dir)) continue;
      seen.add(dir);
      if (!isAbsolute(dir)) {
        ids.add(dir);
        continue;
      }
      const pkg = this.#packageJson(dir);
      ids.add(pkg.id);
      for (const name of pkg.dependencies) {
        const found = findPackage(name, dir);
        if (found !== undefined) pending.push(found);
      }
    }
    return [...ids].sort();
  }

  #packageJson(dir: string): TreePackage {
    let pkg = this.#packages.get(dir);
    if (!pkg) {
      pkg = readPackage(dir);
      this.#packages.set(dir, pkg);
    }
    return pkg;
  }
}

/** A package's identity and dependencies (regular, optional and peer: whichever are installed shape it). */
function readPackage(dir: string): TreePackage {
  const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  const { dependencies = {}, optionalDependencies = {}, peerDependencies = {} } = json;
  const names = new Set([dependencies, optionalDependencies, peerDependencies].flatMap(Object.keys));
  return { id: `${json.name}@${json.version}`, dependencies: [...names].sort() };
}

/** The package of a bare specifier: `@scope/name` or `name`, without a subpath (`csv-stringify/sync`). */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/** The folder of a package as Node looks for it: node_modules/<name> in this folder, then each one above. */
function findPackage(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}
