import { Presets, SingleBar } from 'cli-progress';

interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const QUIET: Progress = { update: () => {}, stop: () => {} };

/** Below this many reports a run is over before a bar would help. */
const MIN_REPORTS = 50;

/**
 * A progress bar on stderr for long runs at a terminal; nothing under --json, when stderr is not a
 * terminal, or in CI.
 */
export function progressBar(json: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (json || !stream.isTTY || process.env.CI) return QUIET;
  let bar: SingleBar | undefined;
  return {
    update(done, total) {
      if (total < MIN_REPORTS) return;
      if (!bar) {
        bar = new SingleBar(
          {
            stream,
            format: 'Reports {bar} {value}/{total} ({percentage}%) {eta_formatted} left',
            hideCursor: true,
          },
          Presets.shades_classic,
        );
        bar.start(total, 0);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
