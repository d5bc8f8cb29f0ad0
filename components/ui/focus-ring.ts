// The one visible keyboard focus for every control: a ring outside the element, accent-coloured,
// shown for keyboard focus only (focus-visible), so a mouse click does not leave a halo.
export const focusRing =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";
