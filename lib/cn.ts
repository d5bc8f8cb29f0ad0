import { twMerge } from "tailwind-merge";

// Joins class names, dropping the falsy ones, and lets a later Tailwind class win over an earlier
// one of the same property. Without the merge, `cn("px-4", "px-3")` keeps both and the stylesheet's
// order decides (px-4 won): the grant tables' narrower cells came out wide and the last column
// fell off the page at 1280 px.
export type ClassValue = string | false | null | undefined;

export function cn(...classes: ClassValue[]): string {
  return twMerge(classes.filter(Boolean).join(" "));
}
