import { licenceUrl as licenseUrl } from '../../../contract/index.ts';

/** The licence's id, linked to its text where the id is one the site knows. */
export function LicenseLink({ id }: { id: string }) {
  const url = licenseUrl(id);
  return url ? (
    <a href={url} rel="license">
      {id}
    </a>
  ) : (
    id
  );
}
