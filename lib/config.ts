/** The deploy-time settings, read once from the CDK context in bin/app.ts and passed down as props. */
export interface AppConfig {
  /** EventBridge Scheduler expression: `cron(…)` with six fields or `rate(…)`. */
  readonly schedule: string;
  /** IANA time zone the schedule is read in. */
  readonly scheduleTimeZone: string;
  /** Short name of the site: tags, the distribution comment, alarm names. */
  readonly siteName: string;
  /** Where alarm notifications are e-mailed; none when undefined. */
  readonly alarmEmail?: string;
  /** Custom domain and its ACM certificate (us-east-1); CloudFront's own domain when undefined. */
  readonly customDomain?: { readonly domainName: string; readonly certificateArn: string };
  /** Keep the buckets and their objects when the stack is deleted. */
  readonly retainData: boolean;
  /**
   * Let every run publish even when more than half of the live reports would go. Off: such a run is
   * refused and alarms (one manual run can still be allowed with `{"allowShrink": true}`).
   */
  readonly allowShrink: boolean;
}

export const DEFAULT_CONFIG = {
  schedule: 'cron(0 2 * * ? *)',
  scheduleTimeZone: 'Asia/Shanghai',
  siteName: 'opendata',
  retainData: true,
  allowShrink: false,
} as const;

export const CONTEXT_KEYS = [
  'schedule',
  'scheduleTimeZone',
  'siteName',
  'alarmEmail',
  'domainName',
  'certificateArn',
  'retainData',
  'allowShrink',
] as const;

export type AppContext = Partial<Record<(typeof CONTEXT_KEYS)[number], unknown>>;

/** A context value that cannot be deployed; the message quotes it and says what is expected. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const CRON = /^cron\((\S+ ){5}\S+\)$/;
const RATE = /^rate\((1 (minute|hour|day)|([2-9]|[1-9]\d+) (minutes|hours|days))\)$/;
const SITE_NAME = /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/;

/** Validates the context (strings from `-c key=value`, or JSON values from cdk.json). */
export function parseAppConfig(context: AppContext): AppConfig {
  const schedule = text(context, 'schedule') ?? DEFAULT_CONFIG.schedule;
  expect(
    CRON.test(schedule) || RATE.test(schedule),
    'schedule',
    schedule,
    'a cron(…) expression with six fields or rate(…)',
  );
  const scheduleTimeZone = text(context, 'scheduleTimeZone') ?? DEFAULT_CONFIG.scheduleTimeZone;
  expect(
    isTimeZone(scheduleTimeZone),
    'scheduleTimeZone',
    scheduleTimeZone,
    'an IANA time zone such as Asia/Shanghai',
  );
  const siteName = text(context, 'siteName') ?? DEFAULT_CONFIG.siteName;
  expect(SITE_NAME.test(siteName), 'siteName', siteName, '2-32 lower-case letters, digits and hyphens');
  const alarmEmail = text(context, 'alarmEmail');
  if (alarmEmail !== undefined) expect(EMAIL.test(alarmEmail), 'alarmEmail', alarmEmail, 'an e-mail address');
  return {
    schedule,
    scheduleTimeZone,
    siteName,
    ...(alarmEmail === undefined ? {} : { alarmEmail }),
    ...customDomain(context),
    retainData: flag(context, 'retainData') ?? DEFAULT_CONFIG.retainData,
    allowShrink: flag(context, 'allowShrink') ?? DEFAULT_CONFIG.allowShrink,
  };
}

function customDomain(context: AppContext): Pick<AppConfig, 'customDomain'> {
  const domainName = text(context, 'domainName');
  const certificateArn = text(context, 'certificateArn');
  if (domainName === undefined && certificateArn === undefined) return {};
  if (domainName === undefined || certificateArn === undefined) {
    const [given, missing] = (
      domainName === undefined ? ['certificateArn', 'domainName'] : ['domainName', 'certificateArn']
    ) as [keyof AppContext, keyof AppContext];
    throw new ConfigError(
      `Context "${given}" is set to ${JSON.stringify(context[given])} but "${missing}" is not: give both or neither`,
    );
  }
  expect(
    DOMAIN.test(domainName),
    'domainName',
    domainName,
    'a lower-case host name such as data.example.org',
  );
  expect(
    CERTIFICATE_ARN.test(certificateArn),
    'certificateArn',
    certificateArn,
    'the ARN of an ACM certificate in us-east-1',
  );
  return { customDomain: { domainName, certificateArn } };
}

/** A string setting; empty means unset so that `-c alarmEmail=` clears it. */
function text(context: AppContext, key: keyof AppContext): string | undefined {
  const value = context[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string')
    throw new ConfigError(`Context "${key}" must be a string, got ${JSON.stringify(value)}`);
  return value.trim();
}

/** `-c retainData=false` arrives as a string, cdk.json may hold a boolean. */
function flag(context: AppContext, key: keyof AppContext): boolean | undefined {
  const value = context[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new ConfigError(`Context "${key}" must be true or false, got ${JSON.stringify(value)}`);
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.includes('/') || name === 'UTC';
  } catch {
    return false;
  }
}

function expect(ok: boolean, key: string, value: string, expected: string): void {
  if (!ok) throw new ConfigError(`Context "${key}" is ${JSON.stringify(value)}: expected ${expected}`);
}
