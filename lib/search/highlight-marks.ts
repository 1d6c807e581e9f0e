/** Marks around highlighted words; the UI splits on them instead of injecting HTML. */
export const highlightStart = '\u0002';
export const highlightEnd = '\u0003';
