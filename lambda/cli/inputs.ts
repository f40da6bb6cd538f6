/**
 * Reading what a command is given: a report or source file, the site settings, the indicator
 * catalog, a folder that must exist. A missing or unreadable input is one line naming it (a
 * ReportError, exit 1, or a UsageError for a mistyped folder or URL), never a stack trace.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { type IndicatorCatalog, parseIndicatorCatalog } from '../pipeline/indicators/index.ts';
import {
  parseCorrections,
  parseSiteSettings,
  ReportError,
  type SiteSettings,
} from '../pipeline/report/index.ts';
import type { PublishedCorrections } from '../publish/plan.ts';
import { DEFAULT_INDICATORS } from './defaults.ts';
import { UsageError } from './usage.ts';

/** The bytes of an input file; a missing, folder or unreadable one is a ReportError naming it. */
export async function readInput(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ReportError(file, 'does not exist');
    if (code === 'EISDIR') throw new ReportError(file, 'is a folder, not a report file');
    throw new ReportError(file, `cannot be read (${code ?? (error as Error).message})`);
  }
}

/** The site settings, validated; --base-url (publish, rollback, `npm start`) overrides theirs. */
export async function loadSettings(file: string, baseUrl: string | undefined): Promise<SiteSettings> {
  const settings = parseSiteSettings(await readInput(file), file);
  if (baseUrl === undefined) return settings;
  if (!/^https?:\/\/[^/]/.test(baseUrl))
    throw new UsageError(`--base-url must be an http(s) URL, got "${baseUrl}"`);
  return { ...settings, baseUrl: baseUrl.replace(/\/+$/, '') };
}

/** The indicator catalog (data/indicators.json unless --indicators names another), validated. */
export async function loadIndicatorCatalog(file: string = DEFAULT_INDICATORS): Promise<IndicatorCatalog> {
  return parseIndicatorCatalog(await readInput(file), file);
}

/**
 * The publisher's corrections (data/corrections.json unless --corrections names another), validated;
 * named in problems by the file's name, as the site's problems.json shows it.
 */
export async function loadCorrections(file: string): Promise<PublishedCorrections> {
  return { file: basename(file), corrections: parseCorrections(await readInput(file), file) };
}

/** A folder the command needs must exist: a typo in its name is a usage error, not an empty site. */
export async function assertFolder(dir: string, what: string, hint = ''): Promise<void> {
  const found = await stat(dir).then(
    (s) => (s.isDirectory() ? 'folder' : 'file'),
    () => undefined,
  );
  if (found === 'folder') return;
  const problem = found ? 'is a file, not a folder' : 'does not exist';
  throw new UsageError(`${what} "${dir}" ${problem}${hint ? ` ${hint}` : ''}`);
}
