import { attachmentLimits, type AttachmentInput } from '@comptoir/protocol';
import { DomainError } from '../core/domain-error.js';

/** An attachment checked and decoded, ready to store. */
export interface CheckedAttachment {
  filename: string;
  contentType: string;
  sizeBytes: number;
  data: Uint8Array<ArrayBuffer>;
}

/** The first bytes each accepted type starts with: the declared type must match the content. */
const signatures: Record<string, (bytes: Buffer) => boolean> = {
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

/**
 * Decodes base64 attachments and refuses any whose type is not allowed, whose bytes do not match the
 * declared type, that is empty or larger than `attachmentLimits.maxBytes`, or one too many.
 */
export function checkAttachments(inputs: readonly AttachmentInput[], allowedTypes: readonly string[]): CheckedAttachment[] {
  if (inputs.length > attachmentLimits.maxPerMessage) {
    throw new DomainError('ATTACHMENT_REJECTED', { filename: '-', reason: `${attachmentLimits.maxPerMessage} max` });
  }
  return inputs.map((input) => {
    const refuse = (reason: string) => new DomainError('ATTACHMENT_REJECTED', { filename: input.filename, reason });
    if (!allowedTypes.includes(input.contentType)) throw refuse(`type ${input.contentType} (${allowedTypes.join(', ')})`);
    const bytes = Buffer.from(input.dataBase64, 'base64');
    if (bytes.length === 0) throw refuse('empty');
    if (bytes.length > attachmentLimits.maxBytes) throw refuse(`> ${attachmentLimits.maxBytes / 1024 / 1024} MB`);
    if (!signatures[input.contentType]?.(bytes)) throw refuse(`not a ${input.contentType} file`);
    const data = new Uint8Array(new ArrayBuffer(bytes.length));
    data.set(bytes);
    return { filename: input.filename, contentType: input.contentType, sizeBytes: bytes.length, data };
  });
}
