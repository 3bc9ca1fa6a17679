/** A heading of a rendered lesson: its anchor id and text. */
export interface LessonHeading {
  readonly depth: number;
  readonly text: string;
  readonly id: string;
}

const STOP_WORDS = new Set(
  'a an and are as at be by for from how in into is it its of on or than that the their them then they this to use using what when where which why with without your you'.split(' '),
);

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/`/g, '')
      .split(/[^a-z0-9/.-]+/)
      .map((word) => word.replace(/^[-./]+|[-./]+$/g, ''))
      .filter((word) => word.length > 2 && !STOP_WORDS.has(word)),
  );
}

/** Sections every lesson has that teach nothing by themselves. */
const NOT_TEACHING = /^(what you will learn|same idea in|common misconceptions|don't do this anymore|exercise|summary|references)/i;

/**
 * The lesson section that teaches a question best: the ## or ### heading sharing the most words with
 * the question and the objectives it checks. Undefined when nothing overlaps (then the lesson's top).
 */
export function sectionForQuestion(texts: readonly string[], headings: readonly LessonHeading[]): LessonHeading | undefined {
  const wanted = words(texts.join(' '));
  let best: LessonHeading | undefined;
  let bestScore = 0;
  for (const heading of headings) {
    if (heading.depth < 2 || heading.depth > 3 || NOT_TEACHING.test(heading.text)) continue;
    let score = 0;
    for (const word of words(heading.text)) if (wanted.has(word)) score += 1;
    if (score > bestScore) {
      best = heading;
      bestScore = score;
    }
  }
  return best;
}
