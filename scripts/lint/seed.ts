import type { Catalog } from '../../src/curriculum/types';

/**
 * Compares curriculum.json with the seed text (lessons/seed.txt): the path facts, the stages and, for
 * every skill, its number, title, summary and minutes, in the seed's order.
 */
export function compareWithSeed(catalog: Catalog, seedText: string): string[] {
  const lines = seedText.split('\n').map((line) => line.trim()).filter(Boolean);
  const problems: string[] = [];
  const expectPath = (field: string, actual: string, expected: string | undefined) => {
    if (actual !== expected) problems.push(`path.${field} is "${actual}", the seed says "${expected}"`);
  };
  expectPath('title', catalog.path.title, lines[1]);
  expectPath('tagline', catalog.path.tagline, lines[2]);
  expectPath('duration', catalog.path.duration, lines[4]);
  expectPath('level', catalog.path.level, lines[5]);
  const skillCount = Number.parseInt(lines[3], 10);
  if (catalog.skills.length !== skillCount) problems.push(`${catalog.skills.length} skills, the seed says ${skillCount}`);
  const stageTitles = new Set(['Foundation', 'Core', 'Advanced']);
  const seedStages: { title: string; skills: { number: number; title: string; summary: string; minutes: number }[] }[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    if (stageTitles.has(lines[index])) {
      seedStages.push({ title: lines[index], skills: [] });
    } else if (seedStages.length > 0 && /^\d+$/.test(lines[index])) {
      seedStages[seedStages.length - 1].skills.push({
        number: Number(lines[index]),
        title: lines[index + 1],
        summary: lines[index + 2],
        minutes: Number.parseInt(lines[index + 3], 10),
      });
      index += 3;
    }
  }
  if (catalog.stages.map((stage) => stage.title).join() !== seedStages.map((stage) => stage.title).join()) {
    problems.push('the stages differ from the seed');
  }
  seedStages.forEach((seedStage, stageIndex) => {
    const stage = catalog.stages[stageIndex];
    seedStage.skills.forEach((expected, skillIndex) => {
      const skill = stage?.skills[skillIndex];
      const where = `${seedStage.title} skill ${skillIndex + 1}`;
      if (!skill) return void problems.push(`${where} (${expected.title}) is missing`);
      if (skill.number !== expected.number) problems.push(`${where} has number ${skill.number}, the seed says ${expected.number}`);
      if (skill.title !== expected.title) problems.push(`${where} is titled "${skill.title}", the seed says "${expected.title}"`);
      if (skill.summary !== expected.summary) problems.push(`${where} summary differs from the seed`);
      if (skill.minutes !== expected.minutes) problems.push(`${where} takes ${skill.minutes} min, the seed says ${expected.minutes}`);
    });
  });
  return problems;
}
