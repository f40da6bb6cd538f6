import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type AppContext, DEFAULT_CONFIG, parseAppConfig } from '../../lib/config.ts';
import { PROJECT_ROOT } from '../support/temp.ts';

const CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012';

describe('parseAppConfig', () => {
  it('defaults to a daily run at 02:00 Asia/Shanghai, retained data, no e-mail and no custom domain', () => {
    expect(parseAppConfig({})).toEqual({ ...DEFAULT_CONFIG });
    expect(DEFAULT_CONFIG).toMatchObject({
      schedule: 'cron(0 2 * * ? *)',
      scheduleTimeZone: 'Asia/Shanghai',
      retainData: true,
    });
  });

  it.each<[AppContext, Record<string, unknown>]>([
    [{ schedule: 'rate(6 hours)' }, { schedule: 'rate(6 hours)' }],
    [
      { schedule: 'rate(1 day)', scheduleTimeZone: 'UTC' },
      { schedule: 'rate(1 day)', scheduleTimeZone: 'UTC' },
    ],
    [
      { schedule: 'cron(30 7 ? * MON-FRI *)', scheduleTimeZone: 'Europe/Berlin' },
      { scheduleTimeZone: 'Europe/Berlin' },
    ],
    [{ retainData: 'false' }, { retainData: false }],
    [{ retainData: false }, { retainData: false }],
    [{ allowShrink: 'true' }, { allowShrink: true }],
    [{ alarmEmail: 'ops@example.org' }, { alarmEmail: 'ops@example.org' }],
    [{ siteName: 'tianjin-data' }, { siteName: 'tianjin-data' }],
    [
      { domainName: 'data.example.org', certificateArn: CERTIFICATE },
      { customDomain: { domainName: 'data.example.org', certificateArn: CERTIFICATE } },
    ],
  ])('accepts %j', (context, expected) => {
    expect(parseAppConfig(context)).toMatchObject(expected);
  });

  it('treats an empty value as unset, so that -c alarmEmail= clears it', () => {
    expect(parseAppConfig({ alarmEmail: '', schedule: '' })).toEqual({ ...DEFAULT_CONFIG });
  });

  it.each<[AppContext, string]>([
    [
      { schedule: 'cron(0 2 * *)' },
      'Context "schedule" is "cron(0 2 * *)": expected a cron(…) expression with six fields or rate(…)',
    ],
    [{ schedule: 'daily' }, 'Context "schedule" is "daily"'],
    [{ schedule: 'rate(1 days)' }, 'Context "schedule" is "rate(1 days)"'],
    [
      { scheduleTimeZone: 'Mars/Olympus' },
      'Context "scheduleTimeZone" is "Mars/Olympus": expected an IANA time zone',
    ],
    [{ siteName: 'My Site' }, 'Context "siteName" is "My Site"'],
    [{ alarmEmail: 'ops' }, 'Context "alarmEmail" is "ops": expected an e-mail address'],
    [{ retainData: 'maybe' }, 'Context "retainData" must be true or false, got "maybe"'],
    [{ retainData: 0 }, 'Context "retainData" must be true or false, got 0'],
    [{ allowShrink: 'yes' }, 'Context "allowShrink" must be true or false, got "yes"'],
    [{ siteName: 42 }, 'Context "siteName" must be a string, got 42'],
    [
      { domainName: 'data.example.org' },
      'Context "domainName" is set to "data.example.org" but "certificateArn" is not',
    ],
    [
      { certificateArn: CERTIFICATE },
      `Context "certificateArn" is set to "${CERTIFICATE}" but "domainName" is not`,
    ],
    [
      { domainName: 'data.example.org', certificateArn: CERTIFICATE.replace('us-east-1', 'eu-west-1') },
      'Context "certificateArn" is "arn:aws:acm:eu-west-1:',
    ],
    [
      { domainName: 'https://data.example.org', certificateArn: CERTIFICATE },
      'Context "domainName" is "https://data.example.org"',
    ],
  ])('refuses %j, quoting the value', (context, message) => {
    expect(() => parseAppConfig(context)).toThrow(message);
  });
});

describe('bin/app.ts', () => {
  it('fails synth with the quoted bad value and exit code 1', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('bin/app.ts', PROJECT_ROOT))],
      {
        cwd: fileURLToPath(PROJECT_ROOT),
        env: {
          ...process.env,
          CDK_CONTEXT_JSON: JSON.stringify({ schedule: 'every day' }),
          CDK_OUTDIR: '/nonexistent',
        },
        encoding: 'utf8',
      },
    );
    expect(result.stderr).toContain('Context "schedule" is "every day": expected a cron(…) expression');
    expect(result.status).toBe(1);
  });
});
