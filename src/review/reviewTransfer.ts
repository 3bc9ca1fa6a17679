import { parseReviewRecord, type ReviewRecord } from './reviewRecord';

/** Clock skew allowed for an imported review date, as for progress dates. */
const SKEW_MS = 60 * 60 * 1000;

/**
 * Adds the review schedule to a progress export (a top-level `reviews` field beside `progress`), so
 * Export/Import move it with the rest.
 */
export function withReviews(exportJson: string, reviews: Record<string, unknown>): string {
  const parsed = JSON.parse(exportJson) as Record<string, unknown>;
  return JSON.stringify({ ...parsed, reviews }, null, 2);
}

/**
 * Reads the `reviews` of an export: damaged cards are reported, cards of unknown skills and cards
 * reviewed in the future are dropped and reported, never stored. A file without reviews imports none.
 */
export function readReviewExport(text: string, knownSkillIds: ReadonlySet<string>, now: Date): { record: ReviewRecord; ignored: string[] } {
  let raw: unknown;
  try {
    raw = (JSON.parse(text) as Record<string, unknown>).reviews;
  } catch {
    return { record: { cards: {}, quarantine: [] }, ignored: [] };
  }
  if (raw === undefined) return { record: { cards: {}, quarantine: [] }, ignored: [] };
  const { record, repairs, readOnly } = parseReviewRecord(raw);
  const ignored = repairs.map((repair) => `reviews: ${repair}`);
  if (readOnly) return { record: { cards: {}, quarantine: [] }, ignored: ['reviews: written by a newer version of Backend Path; not imported'] };
  const cards: Record<string, ReviewRecord['cards'][string]> = {};
  for (const [key, card] of Object.entries(record.cards)) {
    if (!knownSkillIds.has(card.skillId)) ignored.push(`reviews: unknown skill ${card.skillId.slice(0, 60)}`);
    else if (Date.parse(card.lastReview) > now.getTime() + SKEW_MS) ignored.push(`reviews: ${key} was reviewed in the future (${card.lastReview})`);
    else cards[key] = card;
  }
  // Damaged cards from the file are reported, not carried into the synced record.
  return { record: { cards, quarantine: [] }, ignored };
}
