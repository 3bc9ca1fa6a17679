import type { Skill } from './types';

export interface SkillMatch {
  readonly skill: Skill;
  /** Higher is better: title matches beat summary matches beat lesson-text matches. */
  readonly score: number;
  /** A short excerpt around the first match in the lesson text, when that is where it matched. */
  readonly excerpt?: string;
}

function normalise(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** Strips markdown syntax that would only add noise to an excerpt. */
function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/[#>*_`[\]()|]+/g, ' ')
    .replace(/(^|\s)-+(?=\s)/g, ' ')
    .replace(/\s+/g, ' ');
}

/**
 * Finds skills whose title, summary or lesson text contain every word of the query. An empty query
 * returns every skill in path order.
 */
export function searchSkills(
  skills: readonly Skill[],
  lessonText: (skill: Skill) => string | undefined,
  query: string,
): SkillMatch[] {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return skills.map((skill) => ({ skill, score: 0 }));
  const matches: SkillMatch[] = [];
  for (const skill of skills) {
    const title = normalise(`${skill.number} ${skill.title}`);
    const summary = normalise(`${skill.summary} ${skill.objectives.join(' ')}`);
    const rawText = lessonText(skill);
    const text = rawText ? plainText(rawText) : '';
    const body = normalise(text);
    let score = 0;
    let allFound = true;
    for (const word of words) {
      if (title.includes(word)) score += 10;
      else if (summary.includes(word)) score += 4;
      else if (body.includes(word)) score += 1;
      else allFound = false;
    }
    if (!allFound) continue;
    let excerpt: string | undefined;
    if (score < words.length * 4 && body) {
      const at = body.indexOf(words[0]);
      if (at >= 0) excerpt = `…${text.slice(Math.max(0, at - 40), at + 80).trim()}…`;
    }
    matches.push({ skill, score, excerpt });
  }
  return matches.sort((a, b) => b.score - a.score || a.skill.number - b.skill.number);
}
