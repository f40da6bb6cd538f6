// One rival of the lock races in tests/publish/lock.test.ts, a process of its own (the lock tells
// processes apart by pid). For each line `take <dir>` on stdin it tries to take the lock of <dir>
// and answers `won` or `lost`; it holds what it won until the line `release`.
import { createInterface } from 'node:readline';
import { lockFolder, PublishLockedError } from '../../lambda/publish/lock.ts';

let release: (() => Promise<void>) | undefined;
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const [command, dir] = line.split(' ');
  if (command === 'take' && dir) {
    try {
      release = await lockFolder(dir);
      process.stdout.write('won\n');
    } catch (error) {
      const lost = error instanceof PublishLockedError;
      process.stdout.write(lost ? 'lost\n' : `failed ${(error as Error).message}\n`);
    }
  } else if (command === 'release') {
    await release?.();
    release = undefined;
    process.stdout.write('released\n');
  }
}
