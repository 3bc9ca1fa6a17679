import type * as RendererModule from './renderer';

/**
 * Loads dist/renderer.js on first use. Node's module cache makes later calls free, so activation
 * never pays for parsing marked and highlight.js.
 */
export function loadRenderer(): typeof RendererModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deliberate lazy load of a sibling bundle
  return require('./renderer.js') as typeof RendererModule;
}
