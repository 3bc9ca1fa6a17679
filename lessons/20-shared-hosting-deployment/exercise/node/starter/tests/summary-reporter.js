// A node:test reporter that ends the run with what matters: how many tests passed and failed, and
// each failing test's message (the rule it checks and how to fix it), after the detailed report.
// package.json runs it next to the usual "spec" reporter.
function firstLine(error) {
  const cause = error?.cause ?? error;
  const text = String(cause?.message ?? cause ?? '');
  return text.split('\n').map((line) => line.trim()).find((line) => line !== '') ?? '(no message)';
}

export default async function* summaryReporter(source) {
  let passed = 0;
  const failures = [];
  for await (const event of source) {
    // Suites (describe blocks) report too; count only the tests themselves.
    if (event.data?.details?.type === 'suite') continue;
    if (event.type === 'test:pass') passed += 1;
    if (event.type === 'test:fail') failures.push(`✗ ${event.data.name}\n    ${firstLine(event.data.details?.error)}`);
  }
  const lines = ['', '─'.repeat(60), `Summary: ${passed} passed, ${failures.length} failed`];
  if (failures.length > 0) lines.push('', ...failures);
  yield `${lines.join('\n')}\n`;
}
