import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeReport } from '../../../lambda/pipeline/report/decode.ts';
import { ReportError } from '../../../lambda/pipeline/report/errors.ts';

const FILE = 'data/reports/x.txt';
const TEXT = '某镇2023年法治政府建设情况报告\r\n一、主要举措\n办理事项1,234件。　\n';

function bytes(...parts: (number[] | Buffer)[]): Uint8Array {
  return new Uint8Array(
    Buffer.concat(parts.map((part) => (Buffer.isBuffer(part) ? part : Buffer.from(part)))),
  );
}

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

describe('decodeReport accepts report text', () => {
  it.each([
    ['UTF-8', bytes(Buffer.from(TEXT, 'utf8'))],
    ['UTF-8 with BOM', bytes([0xef, 0xbb, 0xbf], Buffer.from(TEXT, 'utf8'))],
    ['UTF-16 LE with BOM', bytes([0xff, 0xfe], Buffer.from(TEXT, 'utf16le'))],
    ['UTF-16 BE with BOM', bytes([0xfe, 0xff], utf16be(TEXT))],
    ['GB18030', bytes(iconv.encode(TEXT, 'gb18030'))],
    ['GBK', bytes(iconv.encode(TEXT, 'gbk'))],
  ])('%s, exactly and without its BOM', (_name, input) => {
    expect(decodeReport(input, FILE)).toBe(TEXT);
  });

  it('drops a second BOM (a file saved twice with one), so that no offset is one off in source.txt', () => {
    const twice = bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], Buffer.from(TEXT, 'utf8'));
    expect(decodeReport(twice, FILE)).toBe(TEXT);
    expect(decodeReport(bytes(Buffer.from(`\ufeff\ufeff${TEXT}`, 'utf16le')), FILE)).toBe(TEXT);
  });

  it('keeps GB18030-only characters (four-byte sequences)', () => {
    const text = '㐀镇报告：𠀀统计 2023年';
    expect(decodeReport(bytes(iconv.encode(text, 'gb18030')), FILE)).toBe(text);
  });

  it('does not normalise: CR, full-width forms and trailing spaces stay', () => {
    const text = '　１２３件\r\r\n  ';
    expect(decodeReport(bytes(Buffer.from(text, 'utf8')), FILE)).toBe(text);
  });

  // Its speed is the benchmark's to measure (npm run bench), not a test's: machines are noisy.
  it('decodes 50 MB of UTF-8', () => {
    const big = Buffer.from('各镇办理事项1,234件，同比增长5.6%。\n'.repeat(1_000_000), 'utf8');
    expect(decodeReport(new Uint8Array(big), FILE).length).toBe(23_000_000);
  });
});

const UNDECODABLE =
  'data/reports/x.txt: cannot be decoded: it is neither UTF-8 nor GB18030/GBK text (Shift_JIS, Big5 and other encodings are not read: save it as UTF-8)';

describe('decodeReport rejects what is not report text', () => {
  it.each([
    ['empty', bytes([]), 'data/reports/x.txt: is empty'],
    [
      'whitespace only',
      bytes(Buffer.from(' \n\t\u3000\r\n', 'utf8')),
      'data/reports/x.txt: is empty (only whitespace)',
    ],
    ['BOM only', bytes([0xef, 0xbb, 0xbf]), 'data/reports/x.txt: is empty (only whitespace)'],
    [
      'NUL bytes',
      bytes(Buffer.from('报告', 'utf8'), [0x00, 0x01, 0x02]),
      'data/reports/x.txt: is binary (contains NUL bytes), not report text',
    ],
    [
      'control characters',
      bytes(Buffer.from('PK\u0003\u0004\u0014\u0006\u0008报告', 'utf8')),
      'data/reports/x.txt: is binary (5 control characters), not report text',
    ],
    [
      'invalid UTF-8 in UTF-8 text',
      bytes(Buffer.from('小王庄镇2023年', 'utf8'), [0xff], Buffer.from('法治政府建设情况报告', 'utf8')),
      'data/reports/x.txt: is not valid UTF-8 (bad byte 0xFF at byte 19)',
    ],
    ['bytes that are neither UTF-8 nor GB18030', bytes([0x80, 0xff, 0x80, 0xff, 0x41, 0xa1]), UNDECODABLE],
    [
      'Latin-1 bytes that GB18030 reads as rare characters',
      bytes(Buffer.from('Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e na\u00efve \u00e0 la fa\u00e7on', 'latin1')),
      UNDECODABLE,
    ],
    [
      'Japanese in Shift_JIS, which GB18030 reads as rare characters',
      bytes(
        iconv.encode('令和5年度、市役所は1200件の申請を処理しました。調停の成立率は98%でした。', 'shiftjis'),
      ),
      UNDECODABLE,
    ],
    [
      'Traditional Chinese in Big5',
      bytes(iconv.encode('臺北市二〇二三年共辦理調解案件二千三百六十一件，調解成功率百分之九十八。', 'big5')),
      UNDECODABLE,
    ],
    [
      'a UTF-16 surrogate encoded as UTF-8 (CESU-8) in UTF-8 text',
      bytes(
        Buffer.from('小王庄镇2023年', 'utf8'),
        [0xed, 0xa0, 0x80],
        Buffer.from('法治政府建设情况报告', 'utf8'),
      ),
      'data/reports/x.txt: is not valid UTF-8 (bad byte 0xED at byte 19)',
    ],
    [
      'an overlong UTF-8 form in UTF-8 text',
      bytes(
        Buffer.from('小王庄镇2023年', 'utf8'),
        [0xe0, 0x80, 0xaf],
        Buffer.from('法治政府建设情况报告', 'utf8'),
      ),
      'data/reports/x.txt: is not valid UTF-8 (bad byte 0xE0 at byte 19)',
    ],
    [
      'an HTML page',
      bytes(
        Buffer.from(
          '<!DOCTYPE html>\n<html><body><p>小王庄镇2023年法治政府建设情况报告</p></body></html>',
          'utf8',
        ),
      ),
      'data/reports/x.txt: is an HTML page, not report text (save the text of the page instead)',
    ],
    [
      'an HTML page without doctype',
      bytes(iconv.encode('\n  <html lang="zh">\n<head><meta charset="gbk"></head>', 'gbk')),
      'data/reports/x.txt: is an HTML page, not report text (save the text of the page instead)',
    ],
    [
      'a UTF-16 BOM before bytes that are not UTF-16',
      bytes([0xff, 0xfe, 0x00, 0xd8, 0x41]),
      'data/reports/x.txt: starts with a UTF-16LE byte order mark but is not valid UTF-16LE',
    ],
  ])('%s', (_name, input, message) => {
    expect(() => decodeReport(input, FILE)).toThrow(new ReportError(FILE, message.slice(FILE.length + 2)));
    expect(() => decodeReport(input, FILE)).toThrow(message);
  });

  it('carries the file and the problem', () => {
    try {
      decodeReport(bytes([]), FILE);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ReportError);
      expect(error).toMatchObject({ file: FILE, problem: 'is empty', name: 'ReportError' });
    }
  });
});
