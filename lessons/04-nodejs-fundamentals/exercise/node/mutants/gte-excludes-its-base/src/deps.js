// Part D: review a package.json and its package-lock.json the way a careful reviewer would.

const PLAIN = /^(\d+)\.(\d+)\.(\d+)$/;

function parse(version) {
  const match = PLAIN.exec(version);
  return match ? match.slice(1).map(Number) : null;
}

/** Compares two [major, minor, patch] tuples as numbers ("1.10.0" is newer than "1.9.0"). */
function compare(a, b) {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The half-open interval [lower, upper) a range accepts, or null when it is not a range we accept. */
function bounds(range) {
  const match = /^(\^|~|>=)?(\d+\.\d+\.\d+)$/.exec(range.trim());
  if (!match) return null;
  const [op, base] = [match[1] ?? '', parse(match[2])];
  const [major, minor, patch] = base;
  switch (op) {
    case '':
      return [base, [major, minor, patch + 1]];
    case '~':
      return [base, [major, minor + 1, 0]];
    case '>=':
      return [[major, minor, patch + 1], [Infinity, 0, 0]];
    default: // '^': the first non-zero part may not change; below 1.0 the caret is stricter
      if (major > 0) return [base, [major + 1, 0, 0]];
      if (minor > 0) return [base, [0, minor + 1, 0]];
      return [base, [0, 0, patch + 1]];
  }
}

/** Does a plain x.y.z version satisfy an exact, ^, ~ or >= range? */
export function satisfies(version, range) {
  const v = parse(version);
  const b = bounds(range);
  if (!v || !b) return false;
  return compare(v, b[0]) >= 0 && compare(v, b[1]) < 0;
}

/**
 * @param {object} pkg  parsed package.json
 * @param {object} lock parsed package-lock.json (lockfileVersion 3)
 * @returns {Array<{ name: string, problem: string }>} sorted by name, then problem
 */
export function reviewDependencies(pkg, lock) {
  const findings = [];
  const locked = lock?.packages ?? {};
  const direct = { ...pkg.dependencies, ...pkg.devDependencies };

  for (const [name, range] of Object.entries(direct)) {
    if (bounds(range) === null) {
      findings.push({ name, problem: 'unpinned' }); // *, latest, x, git or URL specs
      continue;
    }
    const entry = locked[`node_modules/${name}`];
    if (!entry) findings.push({ name, problem: 'not-locked' });
    else if (!satisfies(entry.version, range)) findings.push({ name, problem: 'lock-mismatch' });
  }

  // Every installed package counts, not only the direct ones: malware hides in the tree.
  for (const [path, entry] of Object.entries(locked)) {
    if (path === '') continue; // the root project itself
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    if (entry.hasInstallScript) findings.push({ name, problem: 'install-script' });
    if (!entry.link && !entry.integrity) findings.push({ name, problem: 'no-integrity' });
  }

  const lowest = [...String(pkg.engines?.node ?? '').matchAll(/(\d+)(?:\.\d+)*/g)].map((m) => Number(m[1]));
  if (lowest.length === 0 || Math.min(...lowest) < 22) findings.push({ name: 'engines.node', problem: 'eol-node' });

  const byText = (x, y) => (x < y ? -1 : x > y ? 1 : 0); // plain code-unit order, not the locale's
  return findings.sort((x, y) => byText(x.name, y.name) || byText(x.problem, y.problem));
}
