import type { ParseArgsConfig } from 'node:util';
export class UsageError extends Error {}
export function parseCommandLine(config: {
  options: NonNullable<ParseArgsConfig['options']>;
  usage: string;
  args?: string[];
  allowPositionals?: boolean;
}): { values: Record<string, string | boolean | string[] | boolean[] | undefined>; positionals: string[] };
export function numberOption(values: Record<string, unknown>, name: string, options?: { min?: number; usage?: string }): number | undefined;
export function runMain(main: () => Promise<number | undefined> | number | undefined): void;
