import { z } from 'zod';
import { id } from './common.js';

/** Input of `emails.admin.list`: the emails the shop sent, newest first, optionally searched. */
export const emailLogListInput = z.object({
  limit: z.number().int().min(1).max(100).default(25),
  /** The id of the last email of the previous page (`nextCursor`). */
  cursor: id.nullish(),
  /** Part of the recipient's address or of the subject. */
  search: z.string().trim().min(1).max(200).optional(),
});

/** Input of `emails.admin.get`. */
export const emailLogRef = z.object({ emailId: id });
