// Test helpers that fail with a clear message instead of a non-null assertion.
export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected ${what} to be present`);
  return value;
}

export function nth<T>(items: readonly T[], index: number): T {
  return must(items[index], `item ${index} of ${items.length}`);
}
