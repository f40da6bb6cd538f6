/**
 * The build room, the top of the pipeline: buildReport composes report → structure → extract
 * for one report's bytes, buildSite and reportBuild compose indicators → checks → datasets →
 * formats → metadata → portal into the site's files. publish/ calls only this room and the
 * rooms' public types.
 */
export { buildReport } from './build-report.ts';
export { aggregateFiles, reportBuild } from './build-site.ts';
