// Where a failing test failed, read from the stack its JUnit failure carries: Node writes
// `at … (file:///…/tests/x.test.js:LINE:COL)`, PHPUnit ends with `/…/tests/XTest.php:LINE` lines.
// The assertion is the innermost frame in the test's own file; a frame in the learner's code is the
// next best place. Pure: paths in, paths out.
import { isAbsolute, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface StackFrame {
  /** Absolute path of the file. */
  readonly path: string;
  /** 1-based, as runners print them. */
  readonly line: number;
  readonly column?: number;
  /** The function the frame is in, when the runner names it. */
  readonly label?: string;
}

const NODE_FRAME = /^\s*at (?:(.*?) \()?((?:file:\/\/|\/|[A-Za-z]:[\\/])[^()]*?):(\d+):(\d+)\)?\s*$/;
const PHP_FRAME = /^\s*((?:[A-Za-z]:)?[\\/].*?):(\d+)\s*$/;

function toPath(location: string): string | undefined {
  if (!location.startsWith('file:')) return location;
  try {
    return fileURLToPath(location);
  } catch {
    return undefined;
  }
}

/** Every frame in a failure's text that names a file on disk (runtime internals like `node:…` are skipped). */
export function stackFrames(details: string): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const line of details.replace(/\r\n/g, '\n').split('\n')) {
    const node = NODE_FRAME.exec(line);
    if (node) {
      const path = toPath(node[2]);
      if (path) frames.push({ path, line: Number(node[3]), column: Number(node[4]), ...(node[1] ? { label: node[1] } : {}) });
      continue;
    }
    const php = PHP_FRAME.exec(line);
    if (php) frames.push({ path: php[1], line: Number(php[2]) });
  }
  return frames;
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

const samePath = (a: string, b: string) => normalize(a) === normalize(b);

/**
 * The frame to jump to: the innermost one in the test's own file (the assertion, or the call into
 * the learner's code that threw), else the innermost one in the exercise outside its dependencies.
 */
export function failureLocation(frames: readonly StackFrame[], testFile: string | undefined, exerciseRoot: string): StackFrame | undefined {
  const inTestFile = testFile ? frames.find((frame) => samePath(frame.path, testFile)) : undefined;
  if (inTestFile) return inTestFile;
  return frames.find((frame) => inside(exerciseRoot, frame.path) && !normalize(frame.path).split(sep).some((part) => part === 'node_modules' || part === 'vendor'));
}

/** The frames worth showing as the failure's call stack: the exercise's own files, innermost first. */
export function exerciseFrames(frames: readonly StackFrame[], exerciseRoot: string): StackFrame[] {
  return frames.filter((frame) => inside(exerciseRoot, frame.path));
}
