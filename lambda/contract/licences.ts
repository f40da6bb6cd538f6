/** The licence of the published data when the settings name none. */
export const DEFAULT_LICENCE = 'CC-BY-4.0';

/** SPDX's own form for a licence that has no id, e.g. `LicenseRef-PRC-Official-Document`. */
export const LICENCE_REF = /^LicenseRef-[A-Za-z0-9.-]+$/;

/** Where the text of the licences we know lives; metadata links a licence to it. */
const LICENCE_URLS: Readonly<Record<string, string>> = {
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
  'ODbL-1.0': 'https://opendatacommons.org/licenses/odbl/1-0/',
};

/** The URL of a licence's text, when it is one we know. */
export function licenceUrl(id: string): string | undefined {
  return Object.hasOwn(LICENCE_URLS, id) ? LICENCE_URLS[id] : undefined;
}

/** A URL for any SPDX id: ours when we know the licence, else SPDX's page of it. */
export function spdxLicenceUrl(id: string): string {
  return licenceUrl(id) ?? `https://spdx.org/licenses/${id}.html`;
}
