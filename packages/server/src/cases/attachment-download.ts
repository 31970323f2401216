import { DomainError } from '../core/domain-error.js';
import type { Deps } from '../core/deps.js';
import type { ShopperScope } from '../claims/service.js';

/** A stored file as the widget and the admin fetch it: the bytes in base64, as they were uploaded. */
export interface AttachmentFile {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  dataBase64: string;
}

const fileSelect = { id: true, filename: true, contentType: true, sizeBytes: true, data: true } as const;

function toFile(row: { id: string; filename: string; contentType: string; sizeBytes: number; data: Uint8Array }): AttachmentFile {
  const { data, ...meta } = row;
  return { ...meta, dataBase64: Buffer.from(data).toString('base64') };
}

/**
 * A file of one of the shopper's own cases: a photo of their claim or a file of their ticket's
 * thread. Anything else, in this shop or another, is "not found" (never "forbidden", which would
 * confirm that the id exists).
 */
export async function shopperAttachment(deps: Deps, input: ShopperScope & { attachmentId: string }): Promise<AttachmentFile> {
  const row = await deps.db.attachment.findFirst({
    where: { id: input.attachmentId, shopId: input.shopId },
    select: { ...fileSelect, claimId: true, ticketMessage: { select: { ticket: { select: { customerId: true } } } } },
  });
  if (!row) throw new DomainError('ATTACHMENT_NOT_FOUND');
  const ownerId = row.claimId
    ? (await deps.db.claim.findFirst({ where: { id: row.claimId, shopId: input.shopId }, select: { customerId: true } }))?.customerId
    : row.ticketMessage?.ticket.customerId;
  if (ownerId !== input.customerId) throw new DomainError('ATTACHMENT_NOT_FOUND');
  return toFile(row);
}

/** A file of any case of the staff's shop. */
export async function staffAttachment(deps: Deps, input: { shopId: string; attachmentId: string }): Promise<AttachmentFile> {
  const row = await deps.db.attachment.findFirst({ where: { id: input.attachmentId, shopId: input.shopId }, select: fileSelect });
  if (!row) throw new DomainError('ATTACHMENT_NOT_FOUND');
  return toFile(row);
}
