export function importTs(relativeEntry: string): Promise<Record<string, unknown>>;
export const root: string;
