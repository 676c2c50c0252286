/** Tags as typed: separated by commas or spaces, lower-case, each once. */
export function parseTags(text: string): string[] {
  const words = text
    .split(/[\s,]+/)
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(words)];
}
