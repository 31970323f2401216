/**
 * The input names an `INVALID_INPUT` refusal points at, from its `issues` parameter
 * (`secretKey: expected …; webhookSecret: …`), so each refusal is shown on its own field.
 */
export function issuePathsOf(issues: string): string[] {
  return [
    ...new Set(
      issues
        .split('; ')
        .map((issue) => (issue.includes(':') ? issue.slice(0, issue.indexOf(':')).trim() : ''))
        .filter(Boolean),
    ),
  ];
}
