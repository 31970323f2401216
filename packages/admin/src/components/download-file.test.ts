import { describe, expect, it } from 'vitest';
import { casesExportName, safeDownloadName } from './download-file.js';

describe('download names', () => {
  it('keeps a well-formed name from the server as it is', () => {
    expect(safeDownloadName('comptoir-cases-atelier-2026-11-23.csv', 'x.csv')).toBe('comptoir-cases-atelier-2026-11-23.csv');
  });

  it('strips path separators, accents and odd characters, and adds the extension', () => {
    expect(safeDownloadName('../../etc/passwd', 'x.csv')).toBe('etc-passwd.csv');
    expect(safeDownloadName('Café "Léa" export', 'x.csv')).toBe('Cafe-Lea-export.csv');
    expect(safeDownloadName('report.CSV', 'x.csv')).toBe('report.CSV');
  });

  it('falls back when nothing usable is left', () => {
    expect(safeDownloadName('', 'comptoir-cases.csv')).toBe('comptoir-cases.csv');
    expect(safeDownloadName('///', 'comptoir-cases.csv')).toBe('comptoir-cases.csv');
    expect(safeDownloadName('.csv', 'comptoir-cases.csv')).toBe('comptoir-cases.csv');
  });

  it('names a cases export after the shop and the UTC day', () => {
    expect(casesExportName('atelier-lea', new Date('2026-11-23T23:30:00Z'))).toBe('comptoir-cases-atelier-lea-2026-11-23.csv');
  });
});
