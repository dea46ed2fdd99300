/** Text folding for search and sorting: case-, accent- and width-insensitive. */

/** "Zoë  Ñoño" -> "zoe nono". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of a name for prefix search: "Siti Nur'aini" -> ["siti", "nuraini"]. */
export function wordTokens(text: string): string[] {
  const words = foldText(text)
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}@.]+/u)
    .filter((w) => w.length > 0);
  return [...new Set(words)];
}
