import { describe, expect, it } from 'vitest';
import { isPdf, joinWrappedLines, pdfReportText } from '../../lambda/fetch/pdf-text.ts';
import { minimalPdf } from './support/pdf.ts';

describe('pdfReportText', () => {
  it('extracts the text of a PDF, one line per text line, without touching its bytes', async () => {
    const bytes = minimalPdf(['Qingshi Town 2024 report', 'Disputes mediated: 152 (148 settled)']);
    const copy = new Uint8Array(bytes);
    expect(isPdf(bytes)).toBe(true);
    expect(await pdfReportText(bytes)).toBe(
      'Qingshi Town 2024 report\nDisputes mediated: 152 (148 settled)\n',
    );
    expect(bytes).toEqual(copy);
  });

  it('reports a broken PDF as a fetch problem', async () => {
    await expect(pdfReportText(new TextEncoder().encode('%PDF-1.4\ngarbage'))).rejects.toThrow(
      /cannot be read/,
    );
  });
});

describe('joinWrappedLines', () => {
  it('drops page numbers and joins lines broken at the margin, not headings or finished sentences', () => {
    expect(
      joinWrappedLines([
        '青石镇2024年法治政府建设情况报告',
        '一、主要举措和成效',
        '镇便民服务中心全年共办理各类事项3586件，群众满意度达到',
        '99.6%。',
        '（一）依法决策',
        '全年研究重大事项27次。',
        '- 1 -',
        '第 2 页 共 3 页',
      ]),
    ).toEqual([
      '青石镇2024年法治政府建设情况报告',
      '一、主要举措和成效',
      '镇便民服务中心全年共办理各类事项3586件，群众满意度达到99.6%。',
      '（一）依法决策',
      '全年研究重大事项27次。',
    ]);
  });
});
