import { skillLabel } from '../curriculum/types';
import { escapeHtml } from '../lessons/escapeHtml';
import type { WebviewResources } from '../lessonPanel/pageHtml';
import type { DashboardModel, SkillRow } from './dashboardModel';
import { fill, inlineText, webviewDocument } from './pageShell';

export interface DashboardLabels {
  readonly title: string;
  readonly facts: string;
  readonly level: string;
  readonly duration: string;
  readonly outcomes: string;
  readonly progressHeading: string;
  /** "{done} of {total} skills complete" */
  readonly stageDone: string;
  readonly progressChart: string;
  readonly skillsHeading: string;
  readonly colSkill: string;
  readonly colRead: string;
  readonly colQuiz: string;
  readonly colExercise: string;
  readonly colMastery: string;
  readonly colComplete: string;
  readonly yes: string;
  readonly no: string;
  readonly none: string;
  /** "{percent}% ({cards} questions)" */
  readonly mastery: string;
  readonly reviewsHeading: string;
  readonly reviewsOff: string;
  /** "{count} due today" */
  readonly dueToday: string;
  readonly forecastChart: string;
  readonly today: string;
  /** "+{days} d" */
  readonly inDays: string;
  readonly reviewNow: string;
  readonly planHeading: string;
  /** "At {pace} h a week ({pathPace} h keeps to the path's {months} months), {left} h of {total} h left." */
  readonly planPace: string;
  /** "Projected finish: {date}." */
  readonly planFinish: string;
  readonly planAhead: string;
  readonly planBehind: string;
  readonly planOnTrack: string;
  readonly planFinished: string;
  readonly changePace: string;
  readonly open: string;
}

export const ENGLISH_DASHBOARD_LABELS: DashboardLabels = {
  title: 'My Backend Path',
  facts: 'The path',
  level: 'Level: {level}',
  duration: 'Duration: about {duration}',
  outcomes: 'Outcomes: {outcomes}',
  progressHeading: 'Progress by stage',
  stageDone: '{done} of {total} skills complete',
  progressChart: 'Skills completed per stage',
  skillsHeading: 'Skills',
  colSkill: 'Skill',
  colRead: 'Lesson read',
  colQuiz: 'Quiz best',
  colExercise: 'Exercise',
  colMastery: 'Quiz mastery',
  colComplete: 'Completed',
  yes: 'yes',
  no: 'no',
  none: '—',
  mastery: '{percent}% ({cards} questions)',
  reviewsHeading: 'Reviews',
  reviewsOff: 'Reviews are turned off (setting backendPath.reviews.enabled).',
  dueToday: '{count} due today',
  forecastChart: 'Reviews due today and in each of the next 7 days',
  today: 'today',
  inDays: '+{days} d',
  reviewNow: 'Review now',
  planHeading: 'Study plan',
  planPace: "At {pace} h a week ({pathPace} h a week keeps to the path's {months}), {left} h of {total} h of reading and exercises are left.",
  planFinish: 'Projected finish: {date}.',
  planAhead: '{days} days ahead of the path.',
  planBehind: '{days} days behind the path.',
  planOnTrack: 'On track with the path.',
  planFinished: 'Every skill is complete.',
  changePace: 'Change my pace',
  open: 'Open {skill}',
};

const CHART_WIDTH = 320;

export function buildDashboardHtml(model: DashboardModel, labels: DashboardLabels, resources: WebviewResources, nonce: string, formatDate: (date: Date) => string): string {
  const path = model.catalog.path;
  const body = `<main class="bp-dashboard" id="bp-dashboard">
<header class="lesson-header"><h1>${escapeHtml(labels.title)}</h1>
<p class="summary">${escapeHtml(path.tagline)}</p></header>
<section aria-labelledby="bp-facts-heading"><h2 id="bp-facts-heading">${escapeHtml(labels.facts)}</h2>
<ul class="bp-facts">
<li>${escapeHtml(fill(labels.level, { level: path.level }))}</li>
<li>${escapeHtml(fill(labels.duration, { duration: path.duration }))}</li>
<li>${inlineText(path.referenceStack)}</li>
<li>${escapeHtml(fill(labels.outcomes, { outcomes: path.outcomes.join(', ') }))}</li>
</ul></section>
${progressSection(model, labels)}
${reviewSection(model, labels)}
${planSection(model, labels, formatDate)}
${skillsTable(model, labels)}
</main>`;
  return webviewDocument({ title: labels.title, body, script: 'dist/dashboard.js', styles: ['media/lesson.css', 'media/review.css'], resources, nonce });
}

function progressSection(model: DashboardModel, labels: DashboardLabels): string {
  const rowHeight = 28;
  const height = model.stages.length * rowHeight;
  const labelWidth = 90;
  const barWidth = CHART_WIDTH - labelWidth - 50;
  const bars = model.stages
    .map(({ stage, rows, done }, index) => {
      const y = index * rowHeight + 6;
      const width = rows.length === 0 ? 0 : Math.round((barWidth * done) / rows.length);
      const text = fill(labels.stageDone, { done, total: rows.length });
      return `<g><title>${escapeHtml(`${stage.title}: ${text}`)}</title>
<text class="bp-chart-label" x="0" y="${y + 13}">${escapeHtml(stage.title)}</text>
<rect class="bp-bar-track" x="${labelWidth}" y="${y}" width="${barWidth}" height="16" rx="2"></rect>
<rect class="bp-bar-done" x="${labelWidth}" y="${y}" width="${width}" height="16" rx="2"></rect>
<text class="bp-chart-value" x="${labelWidth + barWidth + 6}" y="${y + 13}">${done}/${rows.length}</text></g>`;
    })
    .join('\n');
  const description = model.stages.map(({ stage, rows, done }) => `${stage.title}: ${fill(labels.stageDone, { done, total: rows.length })}`).join('; ');
  return `<section aria-labelledby="bp-progress-heading"><h2 id="bp-progress-heading">${escapeHtml(labels.progressHeading)}</h2>
<svg class="bp-chart" id="bp-progress-chart" role="img" aria-labelledby="bp-progress-title bp-progress-desc" viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}">
<title id="bp-progress-title">${escapeHtml(labels.progressChart)}</title>
<desc id="bp-progress-desc">${escapeHtml(description)}</desc>
${bars}
</svg>
<ul class="bp-stage-list">${model.stages.map(({ stage, rows, done }) => `<li>${escapeHtml(stage.title)}: ${escapeHtml(fill(labels.stageDone, { done, total: rows.length }))}</li>`).join('')}</ul>
</section>`;
}

function reviewSection(model: DashboardModel, labels: DashboardLabels): string {
  if (!model.reviewsEnabled) {
    return `<section aria-labelledby="bp-reviews-heading"><h2 id="bp-reviews-heading">${escapeHtml(labels.reviewsHeading)}</h2><p>${escapeHtml(labels.reviewsOff)}</p></section>`;
  }
  const counts = [model.forecast.today, ...model.forecast.nextDays];
  const max = Math.max(1, ...counts);
  const chartHeight = 90;
  const slot = CHART_WIDTH / counts.length;
  const names = counts.map((_, index) => (index === 0 ? labels.today : fill(labels.inDays, { days: index })));
  const bars = counts
    .map((count, index) => {
      const height = Math.round(((chartHeight - 30) * count) / max);
      const x = Math.round(index * slot + 6);
      const width = Math.round(slot - 12);
      return `<g><title>${escapeHtml(`${names[index]}: ${count}`)}</title>
<rect class="${index === 0 ? 'bp-bar-due' : 'bp-bar-later'}" x="${x}" y="${chartHeight - 16 - height}" width="${width}" height="${height}"></rect>
<text class="bp-chart-value" x="${x + width / 2}" y="${chartHeight - 20 - height}" text-anchor="middle">${count}</text>
<text class="bp-chart-label" x="${x + width / 2}" y="${chartHeight - 2}" text-anchor="middle">${escapeHtml(names[index] ?? '')}</text></g>`;
    })
    .join('\n');
  const description = counts.map((count, index) => `${names[index]}: ${count}`).join(', ');
  return `<section aria-labelledby="bp-reviews-heading"><h2 id="bp-reviews-heading">${escapeHtml(labels.reviewsHeading)}</h2>
<p id="bp-due-today">${escapeHtml(fill(labels.dueToday, { count: model.forecast.today }))}</p>
<svg class="bp-chart" id="bp-forecast-chart" role="img" aria-labelledby="bp-forecast-title bp-forecast-desc" viewBox="0 0 ${CHART_WIDTH} ${chartHeight}" width="${CHART_WIDTH}" height="${chartHeight}">
<title id="bp-forecast-title">${escapeHtml(labels.forecastChart)}</title>
<desc id="bp-forecast-desc">${escapeHtml(description)}</desc>
${bars}
</svg>
<p><button type="button" class="bp-primary" id="bp-review-now"${model.forecast.today === 0 ? ' disabled' : ''}>${escapeHtml(labels.reviewNow)}</button></p>
</section>`;
}

function planSection(model: DashboardModel, labels: DashboardLabels, formatDate: (date: Date) => string): string {
  const { plan } = model;
  const verdict =
    plan.verdict === 'finished'
      ? labels.planFinished
      : plan.verdict === 'ahead'
        ? fill(labels.planAhead, { days: plan.daysAhead })
        : plan.verdict === 'behind'
          ? fill(labels.planBehind, { days: -plan.daysAhead })
          : labels.planOnTrack;
  return `<section aria-labelledby="bp-plan-heading"><h2 id="bp-plan-heading">${escapeHtml(labels.planHeading)}</h2>
<p id="bp-plan-pace">${escapeHtml(fill(labels.planPace, { pace: plan.hoursPerWeek, pathPace: plan.pathPaceHoursPerWeek, months: model.catalog.path.duration, left: plan.hoursLeft, total: plan.totalHours }))}</p>
${plan.verdict === 'finished' ? '' : `<p id="bp-plan-finish">${escapeHtml(fill(labels.planFinish, { date: formatDate(plan.projectedFinish) }))}</p>`}
<p id="bp-plan-verdict" class="bp-verdict ${plan.verdict}">${escapeHtml(verdict)}</p>
<p><button type="button" class="bp-secondary" id="bp-change-pace">${escapeHtml(labels.changePace)}</button></p>
</section>`;
}

function exerciseText(row: SkillRow, labels: DashboardLabels): string {
  const parts = Object.entries(row.exercise).map(([stack, status]) => `${stack === 'php' ? 'PHP' : 'Node.js'}: ${status}`);
  return parts.length > 0 ? parts.join(', ') : labels.none;
}

function skillsTable(model: DashboardModel, labels: DashboardLabels): string {
  const rows = model.stages
    .flatMap(({ stage, rows: stageRows }) => [
      `<tr class="bp-stage-row"><th colspan="6" scope="colgroup">${escapeHtml(stage.title)}</th></tr>`,
      ...stageRows.map((row) => {
        const mastery = row.mastery === undefined ? labels.none : fill(labels.mastery, { percent: Math.round(row.mastery * 100), cards: row.cards });
        const quiz = row.quizBest ? `${row.quizBest.correct}/${row.quizBest.total}` : labels.none;
        return `<tr data-skill="${escapeHtml(row.skill.id)}"><th scope="row"><a href="#" data-lesson="${escapeHtml(row.skill.id)}" title="${escapeHtml(fill(labels.open, { skill: skillLabel(row.skill) }))}">${escapeHtml(skillLabel(row.skill))}</a></th>
<td>${escapeHtml(row.read ? labels.yes : labels.no)}</td><td>${escapeHtml(quiz)}</td><td>${escapeHtml(exerciseText(row, labels))}</td><td>${escapeHtml(mastery)}</td><td class="${row.complete ? 'bp-done' : ''}">${escapeHtml(row.complete ? `✓ ${labels.yes}` : labels.no)}</td></tr>`;
      }),
    ])
    .join('\n');
  return `<section aria-labelledby="bp-skills-heading"><h2 id="bp-skills-heading">${escapeHtml(labels.skillsHeading)}</h2>
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="bp-skills-heading"><table class="bp-skills">
<thead><tr><th scope="col">${escapeHtml(labels.colSkill)}</th><th scope="col">${escapeHtml(labels.colRead)}</th><th scope="col">${escapeHtml(labels.colQuiz)}</th><th scope="col">${escapeHtml(labels.colExercise)}</th><th scope="col">${escapeHtml(labels.colMastery)}</th><th scope="col">${escapeHtml(labels.colComplete)}</th></tr></thead>
<tbody>${rows}</tbody></table></div>
</section>`;
}
