import { z } from 'zod';
import { id, shortText } from './common.js';

/** The variables a saved reply may use, filled from the case it is inserted into. */
export const savedReplyVariables = [
  'customer.name',
  'customer.email',
  'order.number',
  'shop.name',
  'case.reference',
  'staff.name',
] as const;
export type SavedReplyVariable = (typeof savedReplyVariables)[number];

/** A `{{ variable }}` in a saved reply's body (spaces inside the braces allowed). */
export const savedReplyVariablePattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The variables a body names that Comptoir does not know (each once, in order of appearance). */
export function unknownSavedReplyVariables(body: string): string[] {
  const known = new Set<string>(savedReplyVariables);
  const unknown: string[] = [];
  for (const match of body.matchAll(savedReplyVariablePattern)) {
    const name = match[1] ?? '';
    if (!known.has(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

/** A saved reply's text: several lines allowed, no other control characters, at most 5,000 characters. */
export const savedReplyBody = z
  .string()
  .trim()
  .min(1)
  .max(5_000)
  .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'no control characters')
  .regex(/^\P{Surrogate}*$/u, 'not valid Unicode');

/** Input of `savedReplies.admin.list`. */
export const savedReplyListInput = z.object({ locale: z.enum(['fr', 'en']).optional() }).default({});

/** Input of `savedReplies.admin.create`. */
export const savedReplyCreateInput = z.object({
  title: shortText(120),
  locale: z.enum(['fr', 'en']),
  body: savedReplyBody,
});

/** Input of `savedReplies.admin.update`. */
export const savedReplyUpdateInput = savedReplyCreateInput.extend({ id });

/** Input of `savedReplies.admin.delete`. */
export const savedReplyRef = z.object({ id });

/** Input of `savedReplies.admin.render`: the reply, filled from one case of the active shop. */
export const savedReplyRenderInput = z.object({
  id,
  caseType: z.enum(['return', 'claim', 'ticket']),
  caseId: id,
});
