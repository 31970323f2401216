import { describe, expect, it } from 'vitest';
import { addPickedFiles, base64ToBytes, bytesToBase64, formatSize, photoRules, ticketFileRules } from './attachments.js';

const file = (name: string, type: string, size = 1_000) => ({ name, type, size });

describe('picking files to attach', () => {
  it('keeps images and PDF for a ticket, and refuses other types with their name', () => {
    const { kept, problems } = addPickedFiles([], [file('a.jpg', 'image/jpeg'), file('b.pdf', 'application/pdf'), file('c.exe', 'application/x-msdownload')], ticketFileRules);
    expect(kept.map((picked) => picked.name)).toEqual(['a.jpg', 'b.pdf']);
    expect(problems).toEqual([{ key: 'fileType', params: { name: 'c.exe' } }]);
  });

  it('refuses a PDF as a claim photo', () => {
    expect(addPickedFiles([], [file('b.pdf', 'application/pdf')], photoRules).problems[0]?.key).toBe('fileType');
  });

  it('refuses a file above the protocol’s size limit', () => {
    const { kept, problems } = addPickedFiles([], [file('big.png', 'image/png', photoRules.maxBytes + 1)], photoRules);
    expect(kept).toEqual([]);
    expect(problems).toEqual([{ key: 'fileSize', params: { name: 'big.png', size: 5 } }]);
  });

  it('stops at the protocol’s count limit, counting the files already kept', () => {
    const kept = Array.from({ length: photoRules.maxCount - 1 }, (_, index) => file(`${index}.jpg`, 'image/jpeg'));
    const result = addPickedFiles(kept, [file('x.jpg', 'image/jpeg'), file('y.jpg', 'image/jpeg')], photoRules);
    expect(result.kept).toHaveLength(photoRules.maxCount);
    expect(result.problems).toEqual([{ key: 'fileCount', params: { count: photoRules.maxCount } }]);
  });
});

describe('base64', () => {
  it('round-trips bytes, large ones included', () => {
    const bytes = new Uint8Array(100_000).map((_, index) => index % 256);
    const encoded = bytesToBase64(bytes);
    expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64ToBytes(encoded)).toEqual(bytes);
  });
});

describe('formatSize', () => {
  it('speaks the shopper’s language', () => {
    expect(formatSize('fr', 1_572_864)).toBe('1,5 Mo');
    expect(formatSize('en', 350_000)).toBe('342 kB');
  });
});
