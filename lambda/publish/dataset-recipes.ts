/**
 * Recipes of the dataset files, so that a run links a dataset file whose inputs did not change
 * instead of reading every report's share again to put it together. A file's recipe is the sha256 of
 * what makes its bytes: the code and settings, its format, its dataset's shell (name, fields, row
 * count), and the sha256 of each report's share of that dataset in report order (each share hashed
 * once, when its report was made, and kept in its `rows` entry). One entry of the cache, the index,
 * holds each report's share hashes under its `rows` key and each dataset file's last recipe with the
 * sha256 and size it gave: a file whose recipe is the one recorded, and whose recorded sha256 is the
 * current version's, has those bytes, and is linked from the current version unread. An index that
 * is gone, refused or from another site only makes every file again.
 */
import { sha256Hex, sha256Stream } from '../contract/index.ts';
import type { DatasetFileSpec, DatasetShare } from '../pipeline/build/index.ts';
import type { FileEntry } from '../pipeline/formats/index.ts';
import type { ResultCache } from './result-cache.ts';

/** Each report's share hashes by its rows key, and each dataset file's recipe with what it made. */
export interface RecipeIndex {
  shares: Record<string, string[]>;
  files: Record<string, FileEntry & { recipe: string }>;
}

/** The index's one entry: there is one index a cache folder. */
const INDEX_KEY = sha256Hex('dataset recipes 1');

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The sha256 of one report's share of one dataset in all three formats and its row count: what a
 * recipe is made of. The lengths go first, so no two shares hash as one.
 */
export function shareHash(share: DatasetShare): string {
  const { rows, csv, json, xlsx } = share;
  const hash = sha256Stream().update(
    `${rows}\u0000${csv.byteLength}\u0000${json.byteLength}\u0000${xlsx.byteLength}\u0000`,
  );
  return hash.update(csv).update(json).update(xlsx).digest('hex');
}

/** The index the last run left, or undefined when there is none or it does not verify. */
export async function readRecipeIndex(cache: ResultCache): Promise<RecipeIndex | undefined> {
  const bytes = (await cache.get('recipes', INDEX_KEY))?.get('index');
  if (!bytes) return undefined;
  try {
    const index = JSON.parse(decoder.decode(bytes)) as RecipeIndex;
    return index && typeof index.shares === 'object' && typeof index.files === 'object' ? index : undefined;
  } catch {
    return undefined;
  }
}

/** Writes this run's index: its reports' share hashes and its dataset files' recipes. */
export async function writeRecipeIndex(cache: ResultCache, index: RecipeIndex): Promise<void> {
  await cache.put('recipes', INDEX_KEY, [{ name: 'index', bytes: encoder.encode(JSON.stringify(index)) }]);
}

/** What a recipe is made of beside the shares: whatever else shapes a dataset file's bytes. */
export interface RecipeContext {
  /** The sha256 of all the code (the assemblers among it) and of the settings and catalog. */
  code: string;
  contextHash: string;
}

/**
 * The recipe of each dataset file: `hashes[r][d]` is report r's share hash of dataset d (the shells'
 * order), `last` the share the run adds after every report's (the checks across reports) and its
 * dataset.
 */
export function datasetRecipes(
  specs: readonly DatasetFileSpec[],
  shells: readonly DatasetFileSpec['dataset'][],
  hashes: readonly (readonly string[])[],
  last: { dataset: number; hash: string },
  context: RecipeContext,
): string[] {
  const perDataset = shells.map((shell, d) => {
    const hash = sha256Stream().update(shellText(shell));
    for (const report of hashes) hash.update(`\u0000${report[d]}`);
    if (d === last.dataset) hash.update(`\u0000last\u0000${last.hash}`);
    return hash.digest('hex');
  });
  return specs.map((spec) =>
    sha256Hex(
      [
        context.code,
        context.contextHash,
        spec.format,
        spec.path,
        perDataset[shells.indexOf(spec.dataset)],
      ].join('\u0000'),
    ),
  );
}

/** A shell's name, fields and row count: what its header and footer are made of, rows left out. */
function shellText(shell: DatasetFileSpec['dataset']): string {
  const { rows, ...described } = shell;
  return JSON.stringify({ ...described, rowCount: rows.length });
}
