import { spdxLicenceUrl as licenseUrl, MEDIA_TYPES, sha256Hex, versionedPath } from '../../contract/index.ts';
import type { FileEntry } from '../formats/index.ts';
import type { SiteSettings } from '../report/index.ts';
import type { DatasetFile, ReportSummary } from './datapackage.ts';
import type { Publication } from './publication.ts';
import { streamedJson } from './streamed-json.ts';

/** The vocabularies, inline: a reader needs no network to expand the catalog. */
const CATALOG_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dcterms: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  spdx: 'http://spdx.org/rdf/terms#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

/**
 * A DCAT 3 catalog (JSON-LD): one dcat:Dataset per published dataset with a dcat:Distribution per
 * format, and one dcat:Dataset per report, grouped into a dcat:DatasetSeries per entity and kind of
 * report (one town's rule-of-law reports across the years). Download URLs are the version's
 * immutable ones, so the checksums stay true; the stable URL is the access URL. Given as pieces of
 * text (streamed-json.ts): its datasets, two a report, are made one at a time as they are written.
 */
export function dcatCatalog(
  settings: SiteSettings,
  reports: readonly ReportSummary[],
  datasetFiles: readonly DatasetFile[],
  reportFiles: ReadonlyMap<string, FileEntry>,
  publication: Publication,
): Generator<string> {
  const base = settings.baseUrl;
  const catalogId = `${base}/catalog.jsonld`;
  const catalog = {
    '@context': CATALOG_CONTEXT,
    '@id': catalogId,
    '@type': 'dcat:Catalog',
    'dcterms:title': texts(settings.title, settings.titleEn),
    'dcterms:description': texts(settings.description, settings.descriptionEn),
    'dcterms:publisher': { '@type': 'foaf:Agent', 'foaf:name': settings.publisher },
    'dcterms:license': { '@id': licenseUrl(settings.license) },
    'dcterms:hasVersion': publication.version,
    'dcterms:modified': { '@value': publication.created, '@type': 'xsd:dateTime' },
    'foaf:homepage': { '@id': `${base}/` },
    'dcat:dataset': [],
  };
  function* datasets() {
    yield* datasetNodes(settings, catalogId, datasetFiles, publication);
    for (const series of seriesOf(reports)) yield seriesNode(catalogId, series);
    for (const report of reports) yield reportNode(base, catalogId, report, reportFiles, publication);
  }
  return streamedJson(catalog, 'dcat:dataset', datasets());
}

/** One dcat:Dataset per published dataset, its files (CSV, JSON, XLSX) as its distributions. */
function datasetNodes(
  settings: SiteSettings,
  catalogId: string,
  datasetFiles: readonly DatasetFile[],
  publication: Publication,
) {
  return [...new Set(datasetFiles.map((file) => file.dataset))].map((dataset) => ({
    '@id': `${catalogId}#dataset-${dataset.name}`,
    '@type': 'dcat:Dataset',
    'dcterms:identifier': dataset.name,
    'dcterms:title': texts(dataset.titleZh, dataset.title),
    'dcterms:description': texts(dataset.descriptionZh ?? dataset.description, dataset.description),
    'dcterms:license': { '@id': licenseUrl(settings.license) },
    'dcat:distribution': datasetFiles
      .filter((file) => file.dataset === dataset)
      .map((file) => distribution(settings.baseUrl, publication, file.path, file.format, file)),
  }));
}

/** A report as a dcat:Dataset in its series, its text and its page as the distributions. */
function reportNode(
  base: string,
  catalogId: string,
  report: ReportSummary,
  reportFiles: ReadonlyMap<string, FileEntry>,
  publication: Publication,
) {
  return {
    '@id': `${base}/reports/${report.id}/`,
    '@type': 'dcat:Dataset',
    'dcterms:identifier': report.id,
    'dcterms:title': report.title || report.id,
    ...(report.year === null
      ? {}
      : { 'dcterms:temporal': { '@value': String(report.year), '@type': 'xsd:gYear' } }),
    ...sourceOf(report),
    'dcat:inSeries': { '@id': seriesId(catalogId, report) },
    'dcat:distribution': ['source.txt', 'index.html'].flatMap((name) => {
      const path = `reports/${report.id}/${name}`;
      const entry = reportFiles.get(path);
      return entry
        ? [distribution(base, publication, path, name.endsWith('.txt') ? 'txt' : 'html', entry)]
        : [];
    }),
  };
}

function distribution(
  base: string,
  publication: Publication,
  path: string,
  format: string,
  entry: FileEntry,
) {
  return {
    '@type': 'dcat:Distribution',
    'dcat:accessURL': { '@id': `${base}/${path}` },
    'dcat:downloadURL': { '@id': `${base}/${versionedPath(publication.version, path)}` },
    'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${MEDIA_TYPES[format]}` },
    'dcterms:format': format,
    'dcat:byteSize': { '@value': String(entry.bytes), '@type': 'xsd:nonNegativeInteger' },
    'spdx:checksum': {
      '@type': 'spdx:Checksum',
      'spdx:algorithm': { '@id': 'spdx:checksumAlgorithm_sha256' },
      'spdx:checksumValue': { '@value': entry.sha256, '@type': 'xsd:hexBinary' },
    },
  };
}

interface Series {
  entity: string;
  kind: string;
  years: number[];
}

function seriesOf(reports: readonly ReportSummary[]): Series[] {
  const series = new Map<string, Series>();
  for (const report of reports) {
    const key = `${report.entity}\u0000${report.kind}`;
    const found = series.get(key) ?? { entity: report.entity, kind: report.kind, years: [] };
    if (report.year !== null) found.years.push(report.year);
    series.set(key, found);
  }
  return [...series.values()];
}

function seriesNode(catalogId: string, series: Series) {
  const title = `${series.entity}${series.kind}` || '未注明主体的报告';
  return {
    '@id': seriesId(catalogId, series),
    '@type': 'dcat:DatasetSeries',
    'dcterms:title': { '@value': title, '@language': 'zh' },
    ...(series.years.length > 0
      ? { 'dcterms:description': `${Math.min(...series.years)}–${Math.max(...series.years)}` }
      : {}),
  };
}

function seriesId(catalogId: string, { entity, kind }: { entity: string; kind: string }): string {
  const hash = sha256Hex(`${entity}\u0000${kind}`).slice(0, 12);
  return `${catalogId}#series-${hash}`;
}

function texts(zh: string, en: string) {
  return [
    { '@value': zh, '@language': 'zh' },
    { '@value': en, '@language': 'en' },
  ];
}

/** The original page, then the copy the text was taken from: what each report dataset derives from. */
function sourceOf(report: ReportSummary): { 'dcterms:source'?: { '@id': string } | { '@id': string }[] } {
  const urls = [report.source.url, report.source.retrievedFrom ?? '']
    .filter(Boolean)
    .map((url) => ({ '@id': url }));
  // One source stays a single node, as catalogs published before the copy was recorded have it.
  if (urls.length === 0) return {};
  return { 'dcterms:source': urls.length === 1 ? (urls[0] as { '@id': string }) : urls };
}
