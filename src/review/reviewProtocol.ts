import { isAnchor, isSkillId, own } from '../lessonPanel/protocol';

/**
 * Messages between the review and dashboard pages and the extension. Both sides import these types;
 * the extension validates every incoming message and ignores (and logs) anything else.
 */
export type ReviewPageMessage =
  | { readonly type: 'ready' }
  /** `choice` is the displayed position; `token` names the question on the page, so a stale page cannot answer a newer one. */
  | { readonly type: 'reviewAnswer'; readonly token: number; readonly choice: number; readonly elapsedMs: number }
  | { readonly type: 'reviewNext'; readonly token: number }
  | { readonly type: 'openLesson'; readonly skillId: string; readonly anchor?: string }
  | { readonly type: 'startReview' }
  | { readonly type: 'showPath' }
  | { readonly type: 'openPaceSetting' };

export type ReviewExtensionMessage = {
  readonly type: 'reviewResult';
  readonly token: number;
  readonly choice: number;
  readonly correct: boolean;
  /** Displayed position of the correct choice. */
  readonly correctChoice: number;
  /** The misconception behind the chosen wrong choice, when there is one. */
  readonly feedback?: string;
  readonly explanation: string;
};

const MAX_ELAPSED_MS = 24 * 60 * 60 * 1000;

function isIndex(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}

/** Returns a clean copy of a valid message, or undefined. */
export function parseReviewPageMessage(value: unknown): ReviewPageMessage | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  // Own properties only, as for the lesson page: a `__proto__` key is data, never followed.
  const message = value as Record<string, unknown>;
  const type = own(message, 'type');
  switch (type) {
    case 'ready':
    case 'startReview':
    case 'showPath':
    case 'openPaceSetting':
      return { type };
    case 'reviewAnswer': {
      const [token, choice, elapsedMs] = [own(message, 'token'), own(message, 'choice'), own(message, 'elapsedMs')];
      if (!isIndex(token, 1e9) || !isIndex(choice, 10)) return undefined;
      // A page clock can be wrong; out-of-range hesitation is clamped rather than trusted.
      const elapsed = typeof elapsedMs === 'number' && Number.isFinite(elapsedMs) ? Math.min(Math.max(0, elapsedMs), MAX_ELAPSED_MS) : 0;
      return { type: 'reviewAnswer', token, choice, elapsedMs: elapsed };
    }
    case 'reviewNext': {
      const token = own(message, 'token');
      return isIndex(token, 1e9) ? { type: 'reviewNext', token } : undefined;
    }
    case 'openLesson': {
      const [skillId, anchor] = [own(message, 'skillId'), own(message, 'anchor')];
      if (!isSkillId(skillId)) return undefined;
      if (anchor !== undefined && !isAnchor(anchor)) return undefined;
      return anchor === undefined ? { type: 'openLesson', skillId } : { type: 'openLesson', skillId, anchor };
    }
    default:
      return undefined;
  }
}
