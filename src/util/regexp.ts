/** `text` with every character a RegExp gives meaning escaped, to match it literally (dotenv keys may hold `.` and `-`). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
}
