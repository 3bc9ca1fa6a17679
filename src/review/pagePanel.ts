import * as vscode from 'vscode';
import type { ReviewExtensionMessage } from './reviewProtocol';
import type { PageView } from './pageControllers';

interface Controller {
  attach(view: PageView): void;
  detach(): void;
  handleMessage(raw: unknown): Promise<void>;
}

/** One webview panel for a review or dashboard page: a thin adapter over a pure controller. */
export class PagePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private disposables: vscode.Disposable[] = [];
  private html: string | undefined;

  constructor(
    private readonly viewType: string,
    private readonly title: () => string,
    private readonly extensionUri: vscode.Uri,
    private readonly controller: Controller,
    private readonly log: { warn(message: string): void },
  ) {}

  get visible(): boolean {
    return this.panel?.visible ?? false;
  }

  get open(): boolean {
    return this.panel !== undefined;
  }

  /** The HTML last given to the webview (for tests and diagnostics). */
  get currentHtml(): string | undefined {
    return this.html;
  }

  reveal(): void {
    if (this.panel) {
      this.panel.reveal(undefined, false);
      return;
    }
    const panel = vscode.window.createWebviewPanel(this.viewType, this.title(), vscode.ViewColumn.Active, {
      enableScripts: true,
      // The page loads only its stylesheets and its script bundle.
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist')],
    });
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.svg');
    this.panel = panel;
    this.controller.attach({
      setHtml: (html) => {
        this.html = html;
        panel.webview.html = html;
      },
      post: (message: ReviewExtensionMessage) => panel.webview.postMessage(message),
      resources: {
        cspSource: panel.webview.cspSource,
        asWebviewUri: (relativePath) => panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...relativePath.split('/'))).toString(),
      },
    });
    this.disposables = [
      panel.webview.onDidReceiveMessage((message: unknown) =>
        this.controller.handleMessage(message).catch((error: unknown) => this.log.warn(`The ${this.viewType} page action failed: ${String(error)}`)),
      ),
      panel.onDidDispose(() => {
        for (const disposable of this.disposables) disposable.dispose();
        this.disposables = [];
        this.panel = undefined;
        this.html = undefined;
        this.controller.detach();
      }),
    ];
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
