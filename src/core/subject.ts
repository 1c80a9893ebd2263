/**
 * Messages name what they are about first ("PTS-2024.csv: header row missing", "doc.txt#L3: invalid
 * JSON"), so they read on their own. A report that shows the subject in a column of its own drops
 * that prefix, through this one helper.
 */
export function withoutSubject(message: string, ...subjects: string[]): string {
  for (const s of subjects) if (s && message.startsWith(`${s}: `)) return message.slice(s.length + 2);
  return message;
}
