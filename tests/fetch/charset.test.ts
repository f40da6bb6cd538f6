import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  charsetFromContentType,
  charsetFromMeta,
  decodePage,
  detectCharset,
} from '../../lambda/fetch/charset.ts';

const gbk = (text: string) => new Uint8Array(iconv.encode(text, 'gbk'));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('charset', () => {
  it.each([
    ['text/html; charset=GBK', 'gbk'],
    ['text/html;charset="gb2312"', 'gb2312'],
    ['text/html; charset=utf-8; foo=bar', 'utf-8'],
    ['text/html', null],
    [undefined, null],
  ])('Content-Type %s names %s', (header, expected) => {
    expect(charsetFromContentType(header)).toBe(expected);
  });

  it.each([
    ['<meta charset="gb2312">', 'gb2312'],
    ['<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=GBK">', 'gbk'],
    ["<meta content='text/html; charset=gb18030' http-equiv='Content-Type'/>", 'gb18030'],
    ['<meta name="keywords" content="报告">', null],
  ])('%s names %s', (head, expected) => {
    expect(charsetFromMeta(utf8(`<html><head>${head}</head></html>`))).toBe(expected);
  });

  it.each([
    ['the header', 'text/html; charset=gbk', gbk('<meta charset="utf-8"><p>青石镇</p>'), 'gb18030'],
    ['the meta tag', 'text/html', gbk('<meta charset="gb2312"><p>青石镇</p>'), 'gb18030'],
    ['a BOM over the header', 'text/html; charset=gbk', utf8('\ufeff<p>青石镇</p>'), 'utf-8'],
    ['valid UTF-8 with nothing declared', 'text/html', utf8('<p>青石镇</p>'), 'utf-8'],
    ['undeclared bytes that are not UTF-8', 'text/html', gbk('<p>青石镇</p>'), 'gb18030'],
    ['an unknown label, then the bytes', 'text/html; charset=x-nonsense', utf8('<p>青石镇</p>'), 'utf-8'],
  ])('follows %s', (_what, header, bytes, expected) => {
    expect(detectCharset(header, bytes)).toBe(expected);
  });

  it('decodes GBK pages, including characters only GB18030 has', () => {
    expect(decodePage('text/html', gbk('<meta charset="gbk"><p>调解成功率97.4%</p>'))).toContain(
      '调解成功率97.4%',
    );
    const rare = new Uint8Array(iconv.encode('𠀀镕', 'gb18030'));
    expect(decodePage('text/plain; charset=gb18030', rare)).toBe('𠀀镕');
  });
});
