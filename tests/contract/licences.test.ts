import { describe, expect, it } from 'vitest';
import { DEFAULT_LICENCE, LICENCE_REF, licenceUrl, spdxLicenceUrl } from '../../lambda/contract/index.ts';
import { siteSettingsSchema } from '../../lambda/pipeline/report/settings.ts';

describe('licences', () => {
  it.each([
    [
      'CC-BY-4.0',
      'https://creativecommons.org/licenses/by/4.0/',
      'https://creativecommons.org/licenses/by/4.0/',
    ],
    [
      'CC0-1.0',
      'https://creativecommons.org/publicdomain/zero/1.0/',
      'https://creativecommons.org/publicdomain/zero/1.0/',
    ],
    ['MIT', undefined, 'https://spdx.org/licenses/MIT.html'],
    ['constructor', undefined, 'https://spdx.org/licenses/constructor.html'],
  ])('%s links to %s (SPDX form %s)', (id, url, spdx) => {
    expect(licenceUrl(id)).toBe(url);
    expect(spdxLicenceUrl(id)).toBe(spdx);
  });

  it.each([
    ['LicenseRef-PRC-Official-Document', true],
    ['LicenseRef-', false],
    ['licenseref-x', false],
  ])('%s is a LicenseRef id: %s', (id, expected) => {
    expect(LICENCE_REF.test(id)).toBe(expected);
  });

  it('is the licence of settings that name none', () => {
    expect(DEFAULT_LICENCE).toBe('CC-BY-4.0');
    const settings = {
      title: '青石镇',
      titleEn: 'Qingshi',
      description: '数据',
      descriptionEn: 'Data',
      publisher: '青石镇人民政府',
      baseUrl: 'https://example.org',
    };
    expect(siteSettingsSchema.parse(settings).license).toBe(DEFAULT_LICENCE);
  });
});
