// Loads a `vscode`-bound source file (a command module) in plain Node with a recording stand-in for
// the `vscode` API, so a gate that lives at the thin vscode edge (the Check Exercise trust check) is
// tested at the code that enforces it. The file is bundled here, at test time, with only `vscode`
// swapped: the unit bundles themselves keep `vscode` unresolvable, so an accidental runtime import
// in pure code still fails them.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './robustness/support';

/**
 * Any property that a test did not define: a callable, constructible stand-in that returns itself,
 * so module-level uses (enum members, `new EventEmitter()`) load without each being spelled out.
 */
export function anything(name: string): unknown {
  const target = function () {} as unknown as Record<PropertyKey, unknown>;
  return new Proxy(target, {
    get: (_target, key) => (key === Symbol.toPrimitive ? () => name : key === 'then' ? undefined : anything(`${name}.${String(key)}`)),
    apply: () => anything(`${name}()`),
    construct: () => anything(`new ${name}`) as object,
  });
}

/** Wraps `defined` so that missing members fall back to `anything`. */
export function lenient<T extends object>(defined: T, name = 'vscode'): T {
  return new Proxy(defined, {
    get: (target, key) => (key in target ? Reflect.get(target, key) : key === 'then' || typeof key === 'symbol' ? undefined : anything(`${name}.${String(key)}`)),
  });
}

/** Bundles `relativeEntry` (from the repository root) and evaluates it with `fakeVscode` as `vscode`. */
export async function loadWithFakeVscode<T>(relativeEntry: string, fakeVscode: object): Promise<T> {
  const built = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, relativeEntry)],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'error',
  });
  const code = built.outputFiles[0].text;
  const module = { exports: {} as T };
  const realRequire = createRequire(join(ROOT, relativeEntry));
  const fakeRequire = (id: string): unknown => (id === 'vscode' ? fakeVscode : realRequire(id));
  new Function('require', 'module', 'exports', code)(fakeRequire, module, module.exports);
  return module.exports;
}
