/**
 * Putting a saved reply into what a staff member is typing: at the caret, replacing the selection,
 * on a line of its own when there is text around it. Pure, so it is tested without a browser.
 */
export function insertText(value: string, selectionStart: number, selectionEnd: number, text: string): { value: string; caret: number } {
  const start = Math.max(0, Math.min(selectionStart, value.length));
  const end = Math.max(start, Math.min(selectionEnd, value.length));
  const before = value.slice(0, start);
  const after = value.slice(end);
  const lead = before && !before.endsWith('\n') ? '\n\n' : '';
  const trail = after && !after.startsWith('\n') ? '\n\n' : '';
  const inserted = `${lead}${text}${trail}`;
  return { value: `${before}${inserted}${after}`, caret: before.length + lead.length + text.length };
}
