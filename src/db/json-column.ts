/** JSON lives in TEXT columns on both databases; these keep parsing in one place. */
export function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export function fromJson<T>(text: string | null | undefined): T | null {
  if (text === null || text === undefined || text === '') return null;
  return JSON.parse(text) as T;
}

export const toBool = (value: boolean): number => (value ? 1 : 0);
export const fromBool = (value: number | boolean | null | undefined): boolean => value === 1 || value === true;
