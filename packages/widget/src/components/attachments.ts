import { attachmentLimits } from '@comptoir/protocol/attachment-limits';
import type { ApiClient } from '../controllers/api-client.js';
import type { AttachmentFile, AttachmentUpload } from '../controllers/api-types.js';
import type { CaseTextKey } from '../i18n/cases.js';

/** The limits a file picker enforces before sending: the server checks them again on the bytes. */
export interface FileRules {
  types: readonly string[];
  maxBytes: number;
  maxCount: number;
}

/** Claim photos: images only. */
export const photoRules: FileRules = {
  types: attachmentLimits.imageTypes,
  maxBytes: attachmentLimits.maxBytes,
  maxCount: attachmentLimits.maxPerMessage,
};

/** Files of a ticket message: images and PDF. */
export const ticketFileRules: FileRules = {
  types: attachmentLimits.ticketTypes,
  maxBytes: attachmentLimits.maxBytes,
  maxCount: attachmentLimits.maxPerMessage,
};

/** A file the shopper picked, as far as the checks need it. */
export interface PickedFile {
  name: string;
  type: string;
  size: number;
}

/** Why a picked file was refused, with the text's parameters. */
export interface FileProblem {
  key: Extract<CaseTextKey, 'fileType' | 'fileSize' | 'fileCount'>;
  params: Record<string, string | number>;
}

/**
 * Adds newly picked files to those already kept: wrong types, files too large and files beyond
 * the count are refused, each with its reason; the others are kept in order.
 */
export function addPickedFiles<F extends PickedFile>(kept: readonly F[], picked: readonly F[], rules: FileRules): { kept: F[]; problems: FileProblem[] } {
  const result = [...kept];
  const problems: FileProblem[] = [];
  const sizeMb = Math.round(rules.maxBytes / (1024 * 1024));
  for (const file of picked) {
    if (!rules.types.includes(file.type.toLowerCase())) problems.push({ key: 'fileType', params: { name: file.name } });
    else if (file.size > rules.maxBytes) problems.push({ key: 'fileSize', params: { name: file.name, size: sizeMb } });
    else if (result.length >= rules.maxCount) problems.push({ key: 'fileCount', params: { count: rules.maxCount } });
    else result.push(file);
  }
  return { kept: result, problems };
}

/** Base64 of some bytes, in slices so that large files do not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/** The bytes of a base64 string. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Reads picked files into what the server's procedures take. */
export async function toUploads(files: readonly File[]): Promise<AttachmentUpload[]> {
  return Promise.all(
    files.map(async (file) => ({
      filename: file.name.slice(0, 120) || 'file',
      contentType: file.type.toLowerCase(),
      dataBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())),
    })),
  );
}

/** A file size as people read it ("1,2 Mo", "350 kB"). */
export function formatSize(locale: string, bytes: number): string {
  const isFrench = locale === 'fr';
  if (bytes >= 1024 * 1024) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} ${isFrench ? 'Mo' : 'MB'}`;
  return `${Math.max(1, Math.round(bytes / 1024))} ${isFrench ? 'ko' : 'kB'}`;
}

/** Fetches one of the shopper's files (`cases.widget.attachment`) as a Blob URL: revoke it when done. */
export async function fetchAttachmentUrl(api: ApiClient, attachmentId: string): Promise<{ url: string; file: AttachmentFile }> {
  const file = await api.query<AttachmentFile>('cases.widget.attachment', { attachmentId });
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.dataBase64)], { type: file.contentType }));
  return { url, file };
}
