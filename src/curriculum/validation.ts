/** Small helpers that turn unknown JSON into typed values or collect readable error messages. */

export class ValidationErrors {
  readonly messages: string[] = [];

  add(message: string): void {
    this.messages.push(message);
  }

  get ok(): boolean {
    return this.messages.length === 0;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function nonEmptyString(value: unknown, where: string, errors: ValidationErrors): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  errors.add(`${where} must be a non-empty string`);
  return '';
}

export function stringList(value: unknown, where: string, errors: ValidationErrors): string[] {
  if (!Array.isArray(value)) {
    errors.add(`${where} must be an array of strings`);
    return [];
  }
  return value.map((item, index) => nonEmptyString(item, `${where}[${index}]`, errors));
}

export function positiveInteger(value: unknown, where: string, errors: ValidationErrors): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  errors.add(`${where} must be a positive integer`);
  return 0;
}
