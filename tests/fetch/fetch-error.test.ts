import { describe, expect, it } from 'vitest';
import { FetchError, problemOf } from '../../lambda/fetch/fetch-error.ts';
import { ReportError } from '../../lambda/pipeline/report/errors.ts';
import { StoreError } from '../../lambda/stores/store-error.ts';

const URL = 'https://www.example.gov.cn/a.html';

describe('problemOf', () => {
  it.each<[string, unknown, string]>([
    ['a fetch problem', new FetchError('HTTP 404', false, 404), `${URL}: HTTP 404`],
    [
      'one naming its URL',
      new FetchError(`${URL}: has too little text`, false),
      `${URL}: has too little text`,
    ],
    ['a report problem', new ReportError(URL, 'is binary'), `${URL}: is binary`],
    [
      'a bug',
      new RangeError('Maximum call stack size exceeded'),
      `${URL}: internal error: RangeError: Maximum call stack size exceeded`,
    ],
    ['something thrown that is no Error', 'oops', `${URL}: internal error: string thrown: oops`],
  ])('%s → one sentence', (_what, error, sentence) => {
    expect(problemOf(error, URL)).toBe(sentence);
  });

  it('lets a store failure end the run, as it does for publish', () => {
    const error = new StoreError({
      operation: 'PUT',
      location: 's3://src/',
      key: 'x.txt',
      attempts: 4,
      cause: {},
    });
    expect(() => problemOf(error, URL)).toThrow(error);
  });
});
