import { escapeHtml } from '../lessons/escapeHtml';
import { contentSecurityPolicy, type WebviewResources } from '../lessonPanel/pageHtml';

// The lesson page's text helpers, so both kinds of page escape and fill labels the same way.
export { fill, inlineText } from '../lessonPanel/pageHtml';

/**
 * A whole webview document under the lesson page's CSP: styles from the extension only, one script
 * by nonce, nothing inline. `body` must already be escaped HTML.
 */
export function webviewDocument(options: {
  readonly title: string;
  readonly body: string;
  readonly script: string;
  readonly styles: readonly string[];
  readonly resources: WebviewResources;
  readonly nonce: string;
}): string {
  const { resources, nonce } = options;
  const styles = options.styles.map((path) => `<link rel="stylesheet" href="${escapeHtml(resources.asWebviewUri(path))}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(resources.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<title>${escapeHtml(options.title)}</title>
</head>
<body>
${options.body}
<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(resources.asWebviewUri(options.script))}"></script>
</body>
</html>
`;
}
