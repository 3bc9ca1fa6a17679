import { cardKey, checkCard, type ReviewCard } from './reviewCard';

/** The review schedule as stored (synced, exported). Bad entries are kept in quarantine, never dropped. */
export interface ReviewRecord {
  readonly cards: Readonly<Record<string, ReviewCard>>;
  readonly quarantine: readonly QuarantinedCard[];
}

export interface QuarantinedCard {
  readonly key: string;
  readonly value: unknown;
  readonly reason: string;
}

export const REVIEW_SCHEMA_VERSION = 1;
/** Far above 22 lessons × their questions; a cap keeps a hostile import from bloating synced state. */
export const MAX_CARDS = 2_000;
export const MAX_QUARANTINE = 50;
/** A quarantined value larger than this is summarised, so one huge entry cannot fill the record. */
const MAX_QUARANTINED_CHARS = 2_000;

export const EMPTY_REVIEW_RECORD: ReviewRecord = { cards: {}, quarantine: [] };

export interface ParsedReviewRecord {
  readonly record: ReviewRecord;
  /** What was repaired, for the log; empty when the stored value was clean. */
  readonly repairs: readonly string[];
  /** True when the record was written by a newer version: read what we can, never write it back. */
  readonly readOnly: boolean;
}

/** Reads whatever is stored. Nothing is discarded: unusable cards go to quarantine with a reason. */
export function parseReviewRecord(stored: unknown): ParsedReviewRecord {
  if (stored === undefined || stored === null) return { record: EMPTY_REVIEW_RECORD, repairs: [], readOnly: false };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return { record: { cards: {}, quarantine: [quarantined('(record)', stored, 'the review record is not an object')] }, repairs: ['the review record was not an object; kept in quarantine'], readOnly: false };
  }
  const raw = stored as Record<string, unknown>;
  const version = raw.schemaVersion;
  const readOnly = typeof version === 'number' && version > REVIEW_SCHEMA_VERSION;
  const repairs: string[] = [];
  if (!readOnly && version !== REVIEW_SCHEMA_VERSION) repairs.push(`unknown schemaVersion ${JSON.stringify(version)}; read as version ${REVIEW_SCHEMA_VERSION}`);
  const cards: Record<string, ReviewCard> = {};
  const quarantine: QuarantinedCard[] = [];
  const rawCards = raw.cards;
  if (rawCards !== undefined && (typeof rawCards !== 'object' || rawCards === null || Array.isArray(rawCards))) {
    quarantine.push(quarantined('(cards)', rawCards, 'cards is not an object'));
    repairs.push('cards was not an object; kept in quarantine');
  } else {
    for (const [key, value] of Object.entries((rawCards ?? {}) as Record<string, unknown>)) {
      const checked = checkCard(value);
      if ('reason' in checked) {
        quarantine.push(quarantined(key, value, checked.reason));
        repairs.push(`card ${key}: ${checked.reason}; kept in quarantine`);
      } else if (key !== cardKey(checked.card.skillId, checked.card.questionId)) {
        quarantine.push(quarantined(key, value, 'stored under a key that does not match its ids'));
        repairs.push(`card ${key}: key does not match its ids; kept in quarantine`);
      } else {
        cards[key] = checked.card;
      }
    }
  }
  if (Array.isArray(raw.quarantine)) {
    for (const entry of raw.quarantine) {
      if (typeof entry === 'object' && entry !== null && typeof (entry as QuarantinedCard).key === 'string') {
        quarantine.push(entry as QuarantinedCard);
      }
    }
  }
  return { record: capRecord({ cards, quarantine: dedupeQuarantine(quarantine) }), repairs, readOnly };
}

/** The JSON written to storage. */
export function serialiseReviewRecord(record: ReviewRecord): Record<string, unknown> {
  return { schemaVersion: REVIEW_SCHEMA_VERSION, cards: record.cards, quarantine: record.quarantine };
}

/** A newer review of the same card wins; ties go to more repetitions, then the later due date. */
export function newerCard(a: ReviewCard, b: ReviewCard): ReviewCard {
  if (a.lastReview !== b.lastReview) return a.lastReview > b.lastReview ? a : b;
  if (a.reps !== b.reps) return a.reps > b.reps ? a : b;
  return a.due >= b.due ? a : b;
}

/** Merges two records card by card (later review wins), as Import and other windows need. */
export function mergeReviewRecords(base: ReviewRecord, incoming: ReviewRecord): ReviewRecord {
  const cards: Record<string, ReviewCard> = { ...base.cards };
  for (const [key, card] of Object.entries(incoming.cards)) {
    const existing = cards[key];
    cards[key] = existing ? newerCard(existing, card) : card;
  }
  return capRecord({ cards, quarantine: dedupeQuarantine([...base.quarantine, ...incoming.quarantine]) });
}

export function withCard(record: ReviewRecord, card: ReviewCard): ReviewRecord {
  return capRecord({ cards: { ...record.cards, [cardKey(card.skillId, card.questionId)]: card }, quarantine: record.quarantine });
}

function quarantined(key: string, value: unknown, reason: string): QuarantinedCard {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return { key, value: text.length > MAX_QUARANTINED_CHARS ? `${text.slice(0, MAX_QUARANTINED_CHARS)}… (${text.length} characters)` : value, reason };
}

function dedupeQuarantine(entries: readonly QuarantinedCard[]): QuarantinedCard[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const identity = JSON.stringify([entry.key, entry.value, entry.reason]);
    if (seen.has(identity)) return false;
    seen.add(identity);
    return true;
  });
}

/** Keeps the most recently reviewed cards and the newest quarantine entries within the caps. */
function capRecord(record: ReviewRecord): ReviewRecord {
  const entries = Object.entries(record.cards);
  const cards =
    entries.length <= MAX_CARDS
      ? record.cards
      : Object.fromEntries(entries.sort(([, a], [, b]) => (a.lastReview < b.lastReview ? 1 : -1)).slice(0, MAX_CARDS));
  return { cards, quarantine: record.quarantine.slice(-MAX_QUARANTINE) };
}
