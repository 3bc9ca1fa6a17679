// Part D: review a package.json and its package-lock.json the way a careful reviewer would.
// No packages: write the few semver rules you need yourself.

/**
 * Does a plain "x.y.z" version satisfy a range? Support exactly these range forms:
 *   "1.2.3"   exactly that version
 *   "~1.2.3"  >=1.2.3 <1.3.0            (patches only)
 *   "^1.2.3"  >=1.2.3 <2.0.0            (the npm default)
 *   "^0.4.2"  >=0.4.2 <0.5.0            (below 1.0 the caret is stricter)
 *   "^0.0.3"  exactly 0.0.3
 *   ">=1.2.3" 1.2.3 or anything newer
 * Compare the parts as numbers: 1.10.0 is newer than 1.9.0. Anything else: false.
 *
 * @param {string} version
 * @param {string} range
 * @returns {boolean}
 */
export function satisfies(version, range) {
  throw new Error('Not implemented yet: satisfies() in src/deps.js');
}

/**
 * Reviews `dependencies` and `devDependencies` of pkg against lock.packages
 * (package-lock.json, lockfileVersion 3) and returns findings { name, problem }:
 *   'unpinned'       a direct dependency whose range is not one of the forms above
 *                    ("*", "latest", "x", "", git or URL specs)
 *   'not-locked'     a direct dependency with no lock.packages["node_modules/<name>"]
 *   'lock-mismatch'  the locked version does not satisfy the range (npm ci would fail)
 *   'install-script' ANY locked package (nested ones too) with hasInstallScript: true;
 *                    its name is the part after the last "node_modules/"
 *   'no-integrity'   any locked package without an integrity hash (entries with link: true
 *                    are local folders and have none)
 *   'eol-node'       name "engines.node": missing, or its lowest major is below 22
 * Sort by name, then problem, in plain string order (< and >).
 *
 * @returns {Array<{ name: string, problem: string }>}
 */
export function reviewDependencies(pkg, lock) {
  throw new Error('Not implemented yet: reviewDependencies() in src/deps.js');
}
