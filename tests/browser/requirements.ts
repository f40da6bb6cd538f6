/**
 * What the browser tests need from the machine, and what `npm run setup:browser` (the pretest step)
 * does about it. Pure: bin/setup-browser.ts probes the machine and runs the plan, so the decision
 * is unit-tested here without a package manager.
 */

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Debian's packages: Chromium, and a CJK font so that Chinese is not drawn as boxes in screenshots. */
export const PACKAGES = { chromium: 'chromium', font: 'fonts-wqy-microhei' } as const;

/** The one rule for where Chromium is, shared by the setup and the tests: CHROMIUM_PATH, else Debian's. */
export function chromiumPath(env: Readonly<Record<string, string | undefined>>): string {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

export interface BrowserProbe {
  chromiumPath: string;
  /** What `<chromiumPath> --version` printed; undefined when it is missing or does not run. */
  chromiumVersion?: string;
  /** A family `fc-list :lang=zh` lists; undefined when none is, or fc-list is missing. */
  cjkFont?: string;
}

export interface InstallRights {
  root: boolean;
  /** `sudo -n true` works: sudo without a password. */
  sudo: boolean;
  aptGet: boolean;
}

export type SetupPlan =
  | { kind: 'ready' }
  | { kind: 'install'; message: string; commands: string[][] }
  | { kind: 'stop'; message: string };

/** Decides from what was found: nothing to do, install with apt-get, or stop naming the one command to run. */
export function planSetup(probe: BrowserProbe, rights: InstallRights): SetupPlan {
  const missing = missingParts(probe);
  if (missing.length === 0) return { kind: 'ready' };
  const need = `The browser tests need ${missing.join(' and ')}`;
  // Debian's package lands at DEFAULT_CHROMIUM, so it cannot repair a CHROMIUM_PATH that points elsewhere.
  if (probe.chromiumVersion === undefined && probe.chromiumPath !== DEFAULT_CHROMIUM)
    return {
      kind: 'stop',
      message: `${need}: point CHROMIUM_PATH at a Chromium, or unset it to use Debian's ${DEFAULT_CHROMIUM}.`,
    };
  const packages = packagesFor(probe);
  if (!rights.aptGet)
    return {
      kind: 'stop',
      message: `${need}, and there is no apt-get here: install Chromium and a Chinese font (e.g. Noto Sans CJK) with the system's package manager, and set CHROMIUM_PATH if Chromium is not at ${DEFAULT_CHROMIUM}.`,
    };
  if (!rights.root && !rights.sudo)
    return { kind: 'stop', message: `${need}; run: ${installLine(packages, true)}` };
  return {
    kind: 'install',
    message: `${need}: installing ${packages.join(' ')} with apt-get (about a minute).`,
    commands: installCommands(packages, rights.root ? [] : ['sudo', '-n']),
  };
}

/** What is missing, in words, for the one line the setup prints. */
export function missingParts(probe: BrowserProbe): string[] {
  const parts: string[] = [];
  if (probe.chromiumVersion === undefined)
    parts.push(`Chromium at ${probe.chromiumPath} (missing or not running)`);
  if (probe.cjkFont === undefined) parts.push('a CJK font (`fc-list :lang=zh` lists none)');
  return parts;
}

function packagesFor(probe: BrowserProbe): string[] {
  const packages: string[] = [];
  if (probe.chromiumVersion === undefined) packages.push(PACKAGES.chromium);
  if (probe.cjkFont === undefined) packages.push(PACKAGES.font);
  return packages;
}

/** `apt-get update`, then a non-interactive install without the recommended extras. */
function installCommands(packages: string[], prefix: string[] = []): string[][] {
  return [
    [...prefix, 'apt-get', 'update'],
    [
      ...prefix,
      'env',
      'DEBIAN_FRONTEND=noninteractive',
      'apt-get',
      'install',
      '-y',
      '--no-install-recommends',
      ...packages,
    ],
  ];
}

/** The same commands as one line to paste. */
export function installLine(packages: string[], sudo: boolean): string {
  return installCommands(packages, sudo ? ['sudo'] : [])
    .map((argv) => argv.join(' '))
    .join(' && ');
}
