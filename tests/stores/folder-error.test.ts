import { describe, expect, it } from 'vitest';
import { exitCodeOf } from '../../lambda/cli/report-error.ts';
import { FolderError, folderError } from '../../lambda/stores/folder-error.ts';

const systemError = (code: string) =>
  Object.assign(new Error(`${code}: something, open '/site/x.csv.tmp-1-2'`), { code, syscall: 'open' });

describe('folderError', () => {
  it.each([
    ['ENOSPC', 'no space left on the device (ENOSPC); free some space and run again', 3],
    ['EDQUOT', 'the disk quota is used up (EDQUOT); free some space and run again', 3],
    ['EFBIG', 'the file is too large for the file system (EFBIG); free some space and run again', 3],
    ['EIO', 'an input/output error (EIO); check the disk and run again', 3],
    ['EMFILE', 'too many open files (EMFILE); run again', 3],
    [
      'EROFS',
      'the file system is read-only (EROFS); publish into a folder this user may write (--out), or make this one writable',
      4,
    ],
    [
      'EACCES',
      'permission denied (EACCES); publish into a folder this user may write (--out), or make this one writable',
      4,
    ],
    [
      'EPERM',
      'operation not permitted (EPERM); publish into a folder this user may write (--out), or make this one writable',
      4,
    ],
  ])('%s: one sentence naming the operation and the path, exit %i', (code, says, exit) => {
    const error = folderError('write', '/site/data/x.csv', systemError(code));
    expect(error).toBeInstanceOf(FolderError);
    expect((error as FolderError).message).toBe(`cannot write /site/data/x.csv: ${says}`);
    expect(exitCodeOf(error)).toBe(exit);
  });

  it.each(['ENOENT', 'EEXIST', 'ENOTDIR', undefined])(
    'gives %s back as it is (the caller’s, or a bug)',
    (code) => {
      const error = code ? systemError(code) : new TypeError('x is undefined');
      expect(folderError('write', '/site/x', error)).toBe(error);
    },
  );
});
