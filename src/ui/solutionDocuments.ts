import * as vscode from 'vscode';
import { SOLUTION_SCHEME } from '../constants';
import { isExerciseStack } from '../curriculum/exerciseStacks';
import { isSafeRelativePath } from '../curriculum/parseExercise';
import type { ExerciseLanguage } from '../curriculum/types';
import type { LessonLibrary } from '../curriculum/lessonLibrary';

export type BundledPart = 'solution' | 'starter';

/**
 * `backend-path-solution:/<skill folder>/<stack>/<file>?part=solution`: a bundled exercise file shown as a
 * read-only virtual document. The learner can read and copy it; an edit can never be saved into
 * the extension's own lessons/ folder.
 */
export function bundledFileUri(skillFolder: string, stack: ExerciseLanguage, file: string, part: BundledPart): vscode.Uri {
  return vscode.Uri.from({ scheme: SOLUTION_SCHEME, path: `/${skillFolder}/${stack}/${file}`, query: `part=${part}` });
}

export function registerSolutionDocuments(extensionUri: vscode.Uri, library: LessonLibrary): vscode.Disposable {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const [, folder, stack, ...rest] = uri.path.split('/');
      const file = rest.join('/');
      const part = new URLSearchParams(uri.query).get('part');
      const catalog = await library.catalog();
      // Only a real skill's folder and a path inside it: a crafted URI cannot read other files.
      if (!catalog.skills.some((skill) => skill.folder === folder) || !isExerciseStack(stack) || !isSafeRelativePath(file) || (part !== 'solution' && part !== 'starter')) {
        throw new Error(vscode.l10n.t('Not a bundled exercise file: {0}', uri.toString(true)));
      }
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'lessons', folder, 'exercise', stack, part, ...file.split('/')));
      return new TextDecoder('utf-8').decode(bytes);
    },
  };
  return vscode.workspace.registerTextDocumentContentProvider(SOLUTION_SCHEME, provider);
}
