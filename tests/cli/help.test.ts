import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { PROJECT_ROOT } from '../support/temp.ts';

const COMMANDS = ['extract', 'publish', 'serve', 'fetch', 'versions', 'rollback'];

describe('opendata --help and --version', () => {
  it.concurrent.each(COMMANDS)(
    'opendata %s --help prints its usage, options and exit codes',
    async (command) => {
      const { code, stdout, stderr } = await runCli([command, '--help']);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^Usage: opendata ${command} \\[options\\]`));
      expect(stdout).toContain('-h, --help');
      expect(stdout).toContain('Exit codes:');
      expect(stdout).toContain('4  configuration');
    },
  );

  it.concurrent('opendata --help lists every command, and help <command> shows its usage', async () => {
    const [all, one] = await Promise.all([runCli(['--help']), runCli(['help', 'rollback'])]);
    expect(all.code).toBe(0);
    for (const command of COMMANDS) expect(all.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^Usage: opendata rollback \[options\] \[version\]/);
  });

  it.concurrent.each([['--version'], ['-V']])('opendata %s prints the package version', async (flag) => {
    const { version } = JSON.parse(await readFile(new URL('package.json', PROJECT_ROOT), 'utf8'));
    const { code, stdout } = await runCli([flag]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${version}\n`);
  });

  it.concurrent.each([
    [['publsh'], "unknown command 'publsh' (did you mean publish?)", '--help'],
    [['versoins', '--out', 'x'], "unknown command 'versoins' (did you mean versions?)", '--help'],
    [['publish', '--dryrun'], "unknown option '--dryrun' (did you mean --dry-run?)", 'publish --help'],
    [
      ['publish', '--allow-shrnk'],
      "unknown option '--allow-shrnk' (did you mean --allow-shrink?)",
      'publish --help',
    ],
    [['serve', '.', '--prot', '1'], "unknown option '--prot' (did you mean --port?)", 'serve --help'],
    [['serve', '.', '--port', 'http'], 'must be a port number 0–65535, got "http"', 'serve --help'],
  ])('%j: one line with the nearest name, and where to read more', async (args, message, help) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const [error, pointer, ...rest] = stderr.split('\n');
    expect(error).toMatch(/^opendata: /);
    expect(error).toContain(message);
    expect(pointer).toBe(`Run "opendata ${help}" for usage.`);
    expect(rest).toEqual(['']);
  });
});
