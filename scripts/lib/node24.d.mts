export function node24Dir(): string;
export function ensureNode24(): string;
