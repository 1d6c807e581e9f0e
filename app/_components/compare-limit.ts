/** How many programs the comparison shows side by side. */
export const maxCompared = 4;
