import type { FileEntry } from '../formats/index.ts';
import type { Correction } from '../report/index.ts';

/**
 * A publication: one immutable version of the whole site under `versions/<version>/`. Its id sorts by
 * time and ends with a hash of its content: `20261127T052300Z-3f0c9a1b2c4d`.
 */
export interface Publication {
  version: string;
  /** When the publication was made (ISO 8601, UTC): the clock is read at the edge and passed in. */
  created: string;
}

/** A figure whose value changed between two publications; null on one side when it was added or removed. */
export interface FigureChange {
  report: string;
  section: string;
  label: string;
  unit: string;
  old: number | null;
  new: number | null;
}

/** What a publication changed against the one before it. */
export interface PublicationChanges {
  reports: { added: string[]; removed: string[]; changed: string[] };
  /** The first MAX_LISTED_CHANGES figure changes, in report and text order. */
  figures: FigureChange[];
  /** How many figures changed in all (may exceed the ones listed). */
  figuresChanged: number;
  /** The publisher's corrections this publication applies that the one before it did not; absent when none. */
  corrections?: Correction[];
}

/**
 * One line of the version history in manifest.json (and one entry of feed.atom). A version pruned
 * to keep the last publications (the setting `keepVersions`) keeps its line, with `pruned`: its
 * files under `path` are gone, so it can no longer be rolled back to.
 */
export interface VersionRecord extends Publication {
  path: string;
  reports: number;
  figures: number;
  datasets: string[];
  changes: PublicationChanges;
  /** When its folder was pruned (ISO 8601, UTC); absent while the version is kept. */
  pruned?: string;
}

/** The file list of one version, `versions/<version>/manifest.json`: written last, it marks the version complete. */
export interface VersionManifest extends Publication {
  contentHash: string;
  files: Record<string, FileEntry>;
}

/**
 * Something done to the site that made no version: a rollback to an earlier version (which pins the
 * site there) or the release of that pin. Recorded in manifest.json and the site's feed.
 */
export interface SiteEvent {
  kind: 'rollback' | 'release';
  /** When (ISO 8601, UTC). */
  at: string;
  /** The version rolled back to, or whose pin was released. */
  version: string;
  /** The version that was current before a rollback. */
  from?: string;
}

/** A rollback holds the site at a version: later runs build nothing until the pin is released. */
export interface SitePin {
  version: string;
  /** When the rollback pinned it. */
  at: string;
}

/**
 * The stable `manifest.json`: which version is current, and every version published, newest first:
 * those kept, and those pruned since (marked `pruned`).
 */
export interface SiteManifest {
  current: string;
  versions: VersionRecord[];
  /**
   * The inputs hash of the last run that found `version` made of its inputs (a run whose code or
   * settings changed but whose files came out the same): the next run with those inputs stops at
   * the fast path. Absent until such a run; ignored once another version is current.
   */
  inputs?: { version: string; hash: string };
  /** Set by a rollback, removed by a release. */
  pinned?: SitePin;
  /** Rollbacks and releases, newest first. */
  events?: SiteEvent[];
}

export const MAX_LISTED_CHANGES = 100;
