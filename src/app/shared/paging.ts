/** One page of a list: the items on it, which page it is (1-based, clamped) and how many there are. */
export interface Paged<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

/**
 * Page `page` of `items`, `size` to a page; a page out of range gives the nearest one.
 * @example pageOf([1, 2, 3], 5, 2) // { items: [3], page: 2, pageCount: 2, total: 3 }
 */
export function pageOf<T>(items: readonly T[], page: number, size: number): Paged<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Math.trunc(page)), pageCount);
  return {
    items: items.slice((current - 1) * size, current * size),
    page: current,
    pageCount,
    total: items.length,
  };
}
