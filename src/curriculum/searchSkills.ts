import type { SearchDocument } from '../lessons/prerendered';
import type { Skill } from './types';

export type { SearchDocument };

export interface SkillMatch {
  readonly skill: Skill;
  /** Higher is better: title beats headings beats summary beats lesson text. */
  readonly score: number;
  /** A short excerpt of the lesson's rendered text around the first match, when that is where it matched. */
  readonly excerpt?: string;
}

/** Points per query word, by where it was found first. */
export const SEARCH_WEIGHTS = { title: 100, heading: 30, summary: 10, text: 1 } as const;
/** Extra points for more occurrences in the text, capped so a long lesson does not win by length. */
const TEXT_OCCURRENCE_BONUS = 0.1;
const MAX_TEXT_BONUS = 2;
const EXCERPT_BEFORE = 40;
const EXCERPT_AFTER = 100;

function normalise(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** True when `word` starts a word in `text` ("cache" matches "caching"? no; "cach" does). */
function startsWord(text: string, word: string): boolean {
  let at = text.indexOf(word);
  while (at >= 0) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1])) return true;
    at = text.indexOf(word, at + 1);
  }
  return false;
}

function occurrences(text: string, word: string, cap: number): number {
  let count = 0;
  for (let at = text.indexOf(word); at >= 0 && count < cap; at = text.indexOf(word, at + word.length)) count += 1;
  return count;
}

/** One line of readable text around the first occurrence of `word`. */
function excerptAround(text: string, normalisedText: string, word: string): string | undefined {
  const at = normalisedText.indexOf(word);
  if (at < 0) return undefined;
  const start = Math.max(0, at - EXCERPT_BEFORE);
  const end = Math.min(text.length, at + word.length + EXCERPT_AFTER);
  const slice = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${slice}${end < text.length ? '…' : ''}`;
}

/**
 * Finds skills whose title, headings, summary or rendered lesson text contain every word of the
 * query (words match at the start of a word: "cache" finds "caches", not "subcache"). A title or
 * heading hit outranks any number of text hits. An empty query returns every skill in path order.
 */
export function searchSkills(
  skills: readonly Skill[],
  documentFor: (skill: Skill) => SearchDocument | undefined,
  query: string,
): SkillMatch[] {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return skills.map((skill) => ({ skill, score: 0 }));
  const matches: SkillMatch[] = [];
  for (const skill of skills) {
    const document = documentFor(skill);
    const title = normalise(skill.title);
    const headings = normalise((document?.headings ?? []).join('\n'));
    const summary = normalise(`${skill.summary}\n${skill.objectives.join('\n')}`);
    const text = document?.text ?? '';
    const body = normalise(text);
    let score = 0;
    let allFound = true;
    let textOnly: string | undefined;
    for (const word of words) {
      if (startsWord(title, word) || String(skill.position) === word) score += SEARCH_WEIGHTS.title;
      else if (startsWord(headings, word)) score += SEARCH_WEIGHTS.heading;
      else if (startsWord(summary, word)) score += SEARCH_WEIGHTS.summary;
      else if (startsWord(body, word)) {
        score += SEARCH_WEIGHTS.text;
        textOnly ??= word;
      } else {
        allFound = false;
        break;
      }
      score += Math.min(MAX_TEXT_BONUS, occurrences(body, word, 100) * TEXT_OCCURRENCE_BONUS);
    }
    if (!allFound) continue;
    const excerpt = textOnly ? excerptAround(text, body, textOnly) : undefined;
    matches.push(excerpt ? { skill, score, excerpt } : { skill, score });
  }
  return matches.sort((a, b) => b.score - a.score || a.skill.position - b.skill.position);
}
