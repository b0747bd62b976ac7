/**
 * Sorts a short array in place, stably (insertion sort). The engine sorts many arrays of a handful
 * of items (a clause's cues, a concept's evidence); Array#sort allocates a work copy for each.
 */
export function sortSmall<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    let j = i;
    while (j > 0 && compare(items[j - 1]!, item) > 0) {
      items[j] = items[j - 1]!;
      j--;
    }
    items[j] = item;
  }
  return items;
}
