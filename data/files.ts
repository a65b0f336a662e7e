/**
 * Where the dataset lives and how every check words an error: one line naming the file, the
 * record (its id, or `#index` when it has none) and the field, e.g.
 * `data/figures.json: record "kcc-da-rate-thanet" field "value": Invalid type: …`.
 */

export const DATA_FILES = {
  sources: 'data/sources.json',
  figures: 'data/figures.json',
  notHeld: 'data/not-held.json',
  sourceFiles: 'data/source-files.json',
} as const;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function idOf(value: unknown): string | undefined {
  return isRecord(value) && typeof value.id === 'string' ? value.id : undefined;
}

/** Records sorted by id, records without one last in their order: the files' record order. */
export function sortedById<T>(records: readonly T[]): T[] {
  const withId = records.filter((r) => idOf(r) !== undefined);
  const without = records.filter((r) => idOf(r) === undefined);
  withId.sort((a, b) => compareIds(idOf(a) ?? '', idOf(b) ?? ''));
  return [...withId, ...without];
}

export function line(file: string, record: string, field: string, message: string): string {
  return field
    ? `${file}: ${record} field "${field}": ${message}`
    : `${file}: ${record}: ${message}`;
}
