import { describe, expect, it } from 'vitest';
import { type BrowserProbe, chromiumPath, type InstallRights, planSetup } from './requirements.ts';

const VERSION = 'Chromium 150.0.7871.100 built on Debian GNU/Linux 12 (bookworm)';
const FONT = 'WenQuanYi Micro Hei,文泉驿微米黑';
const ready: BrowserProbe = { chromiumPath: '/usr/bin/chromium', chromiumVersion: VERSION, cjkFont: FONT };
const noChromium: BrowserProbe = { ...ready, chromiumVersion: undefined };
const nothing: BrowserProbe = { chromiumPath: '/usr/bin/chromium' };
const root: InstallRights = { root: true, sudo: false, aptGet: true };
const sudo: InstallRights = { root: false, sudo: true, aptGet: true };
const user: InstallRights = { root: false, sudo: false, aptGet: true };

const NEED_BOTH =
  'The browser tests need Chromium at /usr/bin/chromium (missing or not running) and a CJK font ' +
  '(`fc-list :lang=zh` lists none)';
const APT = ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '--no-install-recommends'];

describe('planSetup', () => {
  it.each([
    ['both are there, even without rights', ready, user],
    ['both are there, as root', ready, root],
  ])('does nothing when %s', (_why, probe, rights) => {
    expect(planSetup(probe, rights)).toEqual({ kind: 'ready' });
  });

  it.each([
    ['root', root, []],
    ['passwordless sudo', sudo, ['sudo', '-n']],
  ])('installs with apt-get as %s', (_why, rights, prefix) => {
    expect(planSetup(nothing, rights)).toEqual({
      kind: 'install',
      message: `${NEED_BOTH}: installing chromium fonts-wqy-microhei with apt-get (about a minute).`,
      commands: [
        [...prefix, 'apt-get', 'update'],
        [...prefix, ...APT, 'chromium', 'fonts-wqy-microhei'],
      ],
    });
  });

  it.each([
    ['Chromium', noChromium, 'chromium'],
    ['the font', { ...ready, cjkFont: undefined }, 'fonts-wqy-microhei'],
  ])('installs only %s when only it is missing', (_why, probe, only) => {
    const plan = planSetup(probe, root);
    expect(plan.kind === 'install' && plan.commands[1]).toEqual([...APT, only]);
  });

  it('stops with the one command to run when it may not install', () => {
    expect(planSetup(nothing, user)).toEqual({
      kind: 'stop',
      message:
        `${NEED_BOTH}; run: sudo apt-get update && sudo env DEBIAN_FRONTEND=noninteractive apt-get install ` +
        '-y --no-install-recommends chromium fonts-wqy-microhei',
    });
  });

  it('stops without apt-get, saying what to install', () => {
    expect(planSetup(nothing, { ...root, aptGet: false })).toEqual({
      kind: 'stop',
      message:
        `${NEED_BOTH}, and there is no apt-get here: install Chromium and a Chinese font (e.g. Noto Sans CJK) ` +
        "with the system's package manager, and set CHROMIUM_PATH if Chromium is not at /usr/bin/chromium.",
    });
  });

  it('stops rather than install when CHROMIUM_PATH names a Chromium that does not run', () => {
    expect(planSetup({ ...noChromium, chromiumPath: '/opt/chrome/chrome' }, root)).toEqual({
      kind: 'stop',
      message:
        'The browser tests need Chromium at /opt/chrome/chrome (missing or not running): point ' +
        "CHROMIUM_PATH at a Chromium, or unset it to use Debian's /usr/bin/chromium.",
    });
  });
});

describe('chromiumPath', () => {
  it.each([
    [{}, '/usr/bin/chromium'],
    [{ CHROMIUM_PATH: '' }, '/usr/bin/chromium'],
    [{ CHROMIUM_PATH: '/opt/chrome/chrome' }, '/opt/chrome/chrome'],
  ])('%j → %s', (env, path) => {
    expect(chromiumPath(env)).toBe(path);
  });
});
