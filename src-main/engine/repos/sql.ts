// Small helpers for building LIKE patterns safely (the escape character is \).
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
export const likeContains = (s: string): string => `%${escapeLike(s)}%`;
export const likePrefix = (s: string): string => `${escapeLike(s)}%`;
