#!/usr/bin/env node
// npm run lint:lessons [-- --only 01-http-fundamentals]: validates lessons/ (see docs/content-format.md).
import { importTs } from './lib/runTs.mjs';

const { lintLessons } = await importTs('scripts/lint/lintLessons.ts');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
process.exitCode = (await lintLessons({ only })) ? 0 : 1;
