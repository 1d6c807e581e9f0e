/** Adds `item` to `first` (the first `limit` seen so far, in `compare` order) when it belongs there. */
export function insertInOrder<T>(first: T[], item: T, limit: number, compare: (a: T, b: T) => number) {
  if (first.length === limit && compare(item, first[limit - 1]!) >= 0) return;
  let at = first.length;
  while (at > 0 && compare(item, first[at - 1]!) < 0) at--;
  first.splice(at, 0, item);
  if (first.length > limit) first.pop();
}
