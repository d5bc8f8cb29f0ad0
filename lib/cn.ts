// Joins class names, dropping the falsy ones. Not tailwind-merge (not a dependency): a primitive's
// variants are written so a caller's `className` adds to them rather than fights them; where a
// caller must change a variant's value, the primitive has a prop for it (Button's `size`).
export type ClassValue = string | false | null | undefined;

export function cn(...classes: ClassValue[]): string {
  return classes.filter(Boolean).join(" ");
}
