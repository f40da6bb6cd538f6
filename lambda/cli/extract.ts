import { Command, Option } from 'commander';
import type { RunCommand } from './run-command.ts';

/** `opendata extract <report.txt> [--format json|csv]`; the work is run-extract.ts, loaded when it runs. */
export function extractCommand(run: RunCommand): Command {
  return new Command('extract')
    .summary('print the figures of one report')
    .description(
      'Print the figures of one report as JSON or CSV: value, unit, qualifier, span, label, section, ' +
        'sentence, period, status, change. The sidecar <id>.meta.json beside it is read when there is one.',
    )
    .argument('<report>', 'a report text file (UTF-8, UTF-16 with BOM, or GB18030/GBK)')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .action((file: string, options: { format: 'json' | 'csv' }) =>
      run(async () => (await import('./run-extract.ts')).extract(file, options.format)),
    );
}
