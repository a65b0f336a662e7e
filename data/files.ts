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

export function line(file: string, record: string, field: string, message: string): string {
  return field
    ? `${file}: ${record} field "${field}": ${message}`
    : `${file}: ${record}: ${message}`;
}
