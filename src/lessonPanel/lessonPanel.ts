import * as vscode from 'vscode';
import { LESSON_VIEW_TYPE } from '../constants';
import type { LessonLibrary } from '../curriculum/lessonLibrary';
import type { PageState } from './protocol';
import type { ExtensionMessage } from './protocol';
import type { LessonSession } from './lessonSession';

/**
 * The single lesson panel, reused for every lesson like the Markdown preview. A thin adapter: it
 * owns the WebviewPanel and hands the pure LessonSession a view (setHtml, post, setTitle); every
 * decision about what the page shows or does is the session's.
 */
export class LessonPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly library: LessonLibrary,
    readonly session: LessonSession,
  ) {}

  get currentSkillId(): string | undefined {
    return this.session.skillId;
  }

  /** The HTML last given to the webview (for tests and diagnostics). */
  get currentHtml(): string | undefined {
    return this.session.currentHtml;
  }

  get title(): string | undefined {
    return this.panel?.title;
  }

  /** Fires with the skill id whenever a lesson is shown (tree click, link, Back/Forward), so the tree can reveal it. */
  onDidShowLesson(listener: (skillId: string) => void): vscode.Disposable {
    return new vscode.Disposable(this.session.onDidShowLesson(listener).dispose);
  }

  /** Resolves when the page reports `ready` for the lesson being shown. */
  whenReady(): Promise<void> {
    return this.session.whenReady();
  }

  async show(skillId: string, anchor?: string): Promise<void> {
    if (!this.panel) this.attach(this.createPanel());
    else this.panel.reveal(undefined, false);
    await this.session.show(skillId, { anchor });
  }

  /** Renders the current lesson again, e.g. after the workspace became trusted. */
  async refresh(): Promise<void> {
    if (this.panel) await this.session.refresh();
  }

  /** Called by the WebviewPanelSerializer after a window reload. */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.panel?.dispose();
    this.attach(panel);
    const catalog = await this.library.catalog();
    const skillId = (state as Partial<PageState> | undefined)?.skillId;
    const known = typeof skillId === 'string' && catalog.skills.some((skill) => skill.id === skillId);
    await this.session.show(known ? skillId : catalog.skills[0].id, { history: 'none', force: true });
  }

  post(message: ExtensionMessage): Promise<void> {
    return this.session.post(message);
  }

  private createPanel(): vscode.WebviewPanel {
    return vscode.window.createWebviewPanel(LESSON_VIEW_TYPE, 'Backend Path', vscode.ViewColumn.Active, this.webviewOptions());
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      enableFindWidget: true,
      // The page loads only its stylesheet and script bundle.
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist')],
    };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.webview.options = this.webviewOptions();
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.svg');
    const extensionUri = this.extensionUri;
    this.session.attach({
      setHtml: (html) => {
        panel.webview.html = html;
      },
      setTitle: (title) => {
        panel.title = title;
      },
      post: (message) => panel.webview.postMessage(message),
      resources: {
        cspSource: panel.webview.cspSource,
        asWebviewUri: (relativePath) => panel.webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...relativePath.split('/'))).toString(),
      },
    });
    this.panelDisposables = [
      panel.webview.onDidReceiveMessage((message: unknown) => this.session.handleMessage(message)),
      panel.onDidDispose(() => this.detach(panel)),
    ];
  }

  private detach(panel: vscode.WebviewPanel): void {
    if (this.panel !== panel) return;
    for (const disposable of this.panelDisposables) disposable.dispose();
    this.panelDisposables = [];
    this.panel = undefined;
    this.session.detach();
  }

  dispose(): void {
    const panel = this.panel;
    this.session.dispose();
    panel?.dispose();
  }
}
