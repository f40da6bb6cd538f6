/**
 * Plan, the first phase of a publication. Takes the stores, the settings and the clock; gives what
 * the run is made from (every report's bytes, unparsed, and the files that are no report), the state
 * the last runs left, and the version this run writes (its name, its inputs' hash, whether it
 * resumes a killed run), or the pin that stops the run. It is a unit because everything that may
 * refuse a run (the shrink guard) or writes outside the new version (lifting a pin, clearing a killed
 * run's leftovers) happens here, once, before any report is built: the phases after it only build,
 * and write inside the version, until the switch.
 */

import { sha256Hex, versionId } from '../contract/index.ts';
import type { IndicatorCatalog } from '../pipeline/indicators/index.ts';
import type { Publication, SitePin } from '../pipeline/metadata/index.ts';
import type { PortalAssets } from '../pipeline/portal/index.ts';
import { type Correction, correctionsByReport, type SiteSettings } from '../pipeline/report/index.ts';
import type { Store } from '../stores/store.ts';
import { ChangeLog } from './changes.ts';
import { type CodeHashes, codeHashes } from './code-hashes.ts';
import { forgetKnownInputs, readKnownInputs, recordKnownInputs } from './input-fingerprints.ts';
import { clearLeftovers } from './leftovers.ts';
import { releasePin } from './pin.ts';
import { readPortalAssets } from './portal-assets.ts';
import { PROJECT_CATALOG } from './project-catalog.ts';
import { type PublishedState, readPublishedState } from './published-state.ts';
import {
  inputPlanner,
  inputsHash,
  knownInputsOf,
  type PlannedInput,
  type ReportInput,
  type ReportProblem,
  readReportInputs,
  reloadInput,
} from './read-reports.ts';
import type { ResultCache } from './result-cache.ts';
import { guardShrink, publishedReportIds } from './shrink-guard.ts';
import { VersionWriter } from './version-writer.ts';

/** What the plan reads; the fields are PublishOptions' own. */
interface PlanInput {
  source: Store;
  target: Store;
  settings: SiteSettings;
  now?: Date;
  catalog?: IndicatorCatalog;
  archive?: Store;
  allowShrink?: boolean;
  release?: boolean;
  /** Where the fingerprints of the reports read are kept, so that the next run need not read them again. */
  cache?: ResultCache;
  corrections?: PublishedCorrections;
}

/** The publisher's corrections of figures, and the file they were read from (named in their problems). */
export interface PublishedCorrections {
  file: string;
  corrections: Correction[];
}

export interface Plan {
  settings: SiteSettings;
  catalog: IndicatorCatalog;
  /** The portal's stylesheets and script, read from the files beside the code. */
  assets: PortalAssets;
  /** What the last runs left, with the pin lifted when this run releases it. */
  state: PublishedState;
  /** Every report at the top of the source, sorted by id, hashed; its bytes are read again by its unit. */
  inputs: PlannedInput[];
  /** A planned report's bytes and sidecar, read again and checked against the plan's hashes. */
  load: (input: PlannedInput) => Promise<ReportInput>;
  /** The hashes of the code each cached stage was made by. */
  code: CodeHashes;
  /** The sha256 of the settings and catalog, which shape every stage past extraction. */
  contextHash: string;
  /** The corrections of each report, by its id (each report's shape its own stages only). */
  corrections: ReadonlyMap<string, Correction[]>;
  /** The file the corrections were read from; '' when there are none. */
  correctionsFile: string;
  /** Files that are no report (a subfolder, a name that is no report id). */
  problems: ReportProblem[];
  inputHash: string;
  /** The version this run writes: a new one, or the one a killed run with the same inputs began. */
  publication: Publication;
  resumed: boolean;
  /** The version whose pin this run lifted. */
  released: string | undefined;
  /** Keys written before the version's first file: the released site's log, abandoned.json. */
  written: string[];
}

/** A plan, or the pin of a site a rollback holds (nothing was read or written). */
type Planned = { plan: Plan } | { pinned: SitePin; state: PublishedState };

/** The writer of the planned version and the log of what it changes, which the next phases write through. */
export interface VersionSink {
  writer: VersionWriter;
  changes: ChangeLog;
}

export async function plan(input: PlanInput): Promise<Planned> {
  const { source, target, settings } = input;
  const found = await readPublishedState(target);
  const pinned = found.manifest?.pinned;
  if (pinned && !input.release) return { pinned, state: found };
  const known = input.cache ? await readKnownInputs(input.cache, source.location) : new Map();
  const { inputs, problems } = await readReportInputs(source, known, inputPlanner());
  if (input.cache) await recordKnownInputs(input.cache, source.location, knownInputsOf(inputs), known);
  guardShrink({
    location: target.location,
    live: publishedReportIds(found.previous),
    next: inputs.map((report) => report.id),
    allowShrink: input.allowShrink ?? false,
  });
  const release =
    pinned && found.manifest
      ? await releasePin({ target, settings, manifest: found.manifest, now: input.now ?? new Date() })
      : undefined;
  const state = release ? { ...found, manifest: release.manifest } : found;
  const planned = await planVersion(input, state, inputs);
  return {
    plan: {
      ...planned,
      problems,
      released: release?.released,
      written: [...(release?.written ?? []), ...planned.written],
    },
  };
}

/** The version this run writes, once a killed run's leftovers that no run will resume are cleared. */
async function planVersion(
  input: PlanInput,
  state: PublishedState,
  inputs: PlannedInput[],
): Promise<Omit<Plan, 'problems' | 'released'>> {
  const { target, settings, source } = input;
  const catalog = input.catalog ?? PROJECT_CATALOG;
  const [code, assets, archived] = await Promise.all([
    codeHashes(),
    readPortalAssets(),
    input.archive ? input.archive.list('') : [],
  ]);
  // How many versions are kept shapes no file: changing it must not make every report again.
  const { keepVersions: _, ...shaping } = settings;
  const contextHash = sha256Hex(JSON.stringify({ settings: shaping, catalog }));
  const corrections = input.corrections?.corrections ?? [];
  const inputHash = inputsHash(inputs, { contextHash, code: code.all, assets, archived, corrections });
  const resumed = state.marker?.inputHash === inputHash ? state.marker : undefined;
  // What a killed run left: its temporary files, and its version once no run will resume it.
  const leftovers = await clearLeftovers({ target, state, inputHash, now: input.now ?? new Date() });
  const created = (input.now ?? new Date()).toISOString();
  const publication: Publication = resumed
    ? { version: resumed.version, created: resumed.created }
    : { version: versionId(created, inputHash), created };
  return {
    settings,
    catalog,
    assets,
    state,
    inputs,
    load: (planned) =>
      reloadInput(source, planned, async () => {
        if (input.cache) await forgetKnownInputs(input.cache, source.location);
      }),
    code,
    contextHash,
    corrections: correctionsByReport(corrections),
    correctionsFile: input.corrections?.file ?? '',
    inputHash,
    publication,
    resumed: resumed !== undefined,
    written: leftovers.written,
  };
}

/** The planned version, open for writing: nothing is written until a file differs from the current one. */
export function openVersion(plan: Plan, target: Store, concurrency: number): VersionSink {
  const writer = new VersionWriter({
    target,
    publication: plan.publication,
    inputHash: plan.inputHash,
    previous: plan.state.previous,
    verify: plan.state.marker !== undefined,
    resumed: plan.resumed,
    concurrency,
  });
  return { writer, changes: new ChangeLog(target, plan.state.previous) };
}
