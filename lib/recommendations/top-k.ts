/** The first `limit` items in `compare` order (what sorting all of them and slicing gives), in one pass. */
export function firstInOrder<T>(items: Iterable<T>, limit: number, compare: (a: T, b: T) => number): T[] {
  const first: T[] = [];
  for (const item of items) insertInOrder(first, item, limit, compare);
  return first;
}

/** Adds `item` to `first` (the first `limit` seen so far, in `compare` order) when it belongs there. */
export function insertInOrder<T>(first: T[], item: T, limit: number, compare: (a: T, b: T) => number) {
  if (first.length === limit && compare(item, first[limit - 1]!) >= 0) return;
  let at = first.length;
  while (at > 0 && compare(item, first[at - 1]!) < 0) at--;
  first.splice(at, 0, item);
  if (first.length > limit) first.pop();
}
