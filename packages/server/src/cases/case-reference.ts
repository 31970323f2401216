/**
 * The short reference staff and shoppers quote for a case: a return's own code (printed on its
 * label); for claims and tickets, which have no code, a letter and the last 8 hex digits of the id
 * (the random end of a UUIDv7, so two cases of one shop practically never share it).
 */
export function caseReference(caseType: 'return' | 'claim' | 'ticket', row: { id: string; code?: string | null }): string {
  if (caseType === 'return' && row.code) return row.code;
  const tail = row.id.replace(/-/g, '').slice(-8).toUpperCase();
  return `${caseType === 'claim' ? 'C' : caseType === 'ticket' ? 'T' : 'R'}-${tail}`;
}
