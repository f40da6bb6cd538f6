import type { Dataset } from '../../datasets/index.ts';
import type { DownloadFile } from '../../metadata/index.ts';
import { formatBytes } from '../format.ts';
import { Bilingual } from './bilingual.tsx';
import { Fact } from './fact.tsx';
import { LicenseLink } from './license-link.tsx';

const FORMAT_ORDER = ['csv', 'json', 'xlsx'];

export interface DatasetCardProps {
  dataset: Dataset;
  /** The published files of every dataset; the card lists its own, CSV, JSON, XLSX. */
  files: readonly DownloadFile[];
  license: string;
  /** The years the reports cover ("2021–2023"), '' when none is known. */
  coverage: string;
  updated: string | undefined;
}

/** One dataset as a card: what it is, its size and licence, and its downloads with their bytes. */
export function DatasetCard({ dataset, files, license, coverage, updated }: DatasetCardProps) {
  const own = files
    .filter((file) => file.dataset.name === dataset.name)
    .sort((a, b) => FORMAT_ORDER.indexOf(a.format) - FORMAT_ORDER.indexOf(b.format));
  return (
    <li class="card" aria-labelledby={`card-${dataset.name}`}>
      {'\n'}
      <h3 id={`card-${dataset.name}`}>
        <Bilingual zh={dataset.titleZh} en={dataset.title} /> <code>{dataset.name}</code>
      </h3>
      {'\n'}
      <p>
        <Bilingual zh={dataset.descriptionZh || dataset.description} en={dataset.description} />
      </p>
      {'\n'}
      <dl class="facts">
        {'\n'}
        <Fact zh="行数" en="Rows" value={dataset.rows.length} />
        {'\n'}
        <Fact zh="列数" en="Columns" value={dataset.fields.length} />
        {'\n'}
        <Fact zh="许可" en="License" value={<LicenseLink id={license} />} />
        {'\n'}
        <Fact zh="数据年度" en="Coverage" value={coverage || '—'} />
        {'\n'}
        {updated ? (
          <Fact zh="更新" en="Updated" value={<time datetime={updated}>{updated.slice(0, 10)}</time>} />
        ) : null}
        {'\n'}
      </dl>
      {'\n'}
      <ul class="downloads">
        {own.map((file) => (
          <li>
            <a href={file.path}>{file.format.toUpperCase()}</a>{' '}
            <span class="size">{formatBytes(file.bytes)}</span>
          </li>
        ))}
      </ul>
      {'\n'}
    </li>
  );
}
