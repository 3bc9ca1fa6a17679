import type { WebviewResources } from '../lessonPanel/pageHtml';
import { preview } from '../progress/progressValues';
import { buildDashboardHtml, type DashboardLabels } from './dashboardHtml';
import { buildReviewPageHtml, type ReviewLabels } from './reviewPageHtml';
import { parseReviewPageMessage, type ReviewExtensionMessage, type ReviewPageMessage } from './reviewProtocol';
import type { ReviewService } from './reviewService';
import type { ReviewSession } from './reviewSession';

/** What a page controller needs from its webview panel. */
export interface PageView {
  setHtml(html: string): void;
  post(message: ReviewExtensionMessage): PromiseLike<unknown>;
  readonly resources: WebviewResources;
}

/** What the pages can ask the rest of the extension to do. */
export interface PageCommands {
  openLesson(skillId: string, anchor?: string): PromiseLike<unknown>;
  showPath(): PromiseLike<unknown>;
  startReview(): PromiseLike<unknown>;
  openPaceSetting(): PromiseLike<unknown>;
}

export interface PageControllerDeps {
  readonly service: ReviewService;
  readonly commands: PageCommands;
  readonly log: { warn(message: string): void };
  nonce(): string;
  formatDate(date: Date): string;
}

/** Common message handling: validate, log and ignore what is not a page message. */
abstract class PageController {
  protected view: PageView | undefined;

  constructor(protected readonly deps: PageControllerDeps) {}

  attach(view: PageView): void {
    this.view = view;
  }

  detach(): void {
    this.view = undefined;
  }

  async handleMessage(raw: unknown): Promise<void> {
    const message = parseReviewPageMessage(raw);
    if (!message) {
      this.deps.log.warn(`Ignored an invalid message from the ${this.name} page: ${preview(raw, 200)}`);
      return;
    }
    await this.dispatch(message);
  }

  protected abstract readonly name: string;
  protected abstract dispatch(message: ReviewPageMessage): Promise<void>;

  protected async common(message: ReviewPageMessage): Promise<boolean> {
    switch (message.type) {
      case 'openLesson':
        await this.deps.commands.openLesson(message.skillId, message.anchor);
        return true;
      case 'showPath':
        await this.deps.commands.showPath();
        return true;
      case 'startReview':
        await this.deps.commands.startReview();
        return true;
      case 'openPaceSetting':
        await this.deps.commands.openPaceSetting();
        return true;
      default:
        return false;
    }
  }
}

/** The review round: one due question at a time, then the summary. */
export class ReviewPageController extends PageController {
  protected readonly name = 'review';
  private session: ReviewSession | undefined;

  constructor(
    deps: PageControllerDeps,
    private readonly labels: () => ReviewLabels,
  ) {
    super(deps);
  }

  /** Starts a new round with what is due now. */
  async start(): Promise<void> {
    this.session = await this.deps.service.startSession();
    this.render();
  }

  /** The round in progress, for tests and the test API. */
  get current(): ReviewSession | undefined {
    return this.session;
  }

  private render(): void {
    if (!this.view || !this.session) return;
    this.view.setHtml(buildReviewPageHtml(this.session.view(), this.labels(), this.view.resources, this.deps.nonce(), (iso) => this.deps.formatDate(new Date(iso))));
  }

  protected async dispatch(message: ReviewPageMessage): Promise<void> {
    if (await this.common(message)) return;
    const session = this.session;
    if (!session) return;
    switch (message.type) {
      case 'ready': {
        // A page rebuilt after hiding shows the answer already given.
        const answered = session.currentResult();
        if (answered) await this.view?.post(answered);
        return;
      }
      case 'reviewAnswer': {
        const result = await session.answer(message.token, message.choice, message.elapsedMs);
        if (result) await this.view?.post(result);
        return;
      }
      case 'reviewNext':
        if (session.next(message.token)) this.render();
        return;
      default:
        return;
    }
  }
}

/** The path dashboard: rebuilt whenever progress or the review schedule changes. */
export class DashboardController extends PageController {
  protected readonly name = 'dashboard';
  private renderSequence = 0;

  constructor(
    deps: PageControllerDeps,
    private readonly labels: () => DashboardLabels,
  ) {
    super(deps);
  }

  async render(): Promise<void> {
    const sequence = ++this.renderSequence;
    const model = await this.deps.service.dashboard();
    // A slower, older render must not overwrite a newer one.
    if (!this.view || sequence !== this.renderSequence) return;
    this.view.setHtml(buildDashboardHtml(model, this.labels(), this.view.resources, this.deps.nonce(), (date) => this.deps.formatDate(date)));
  }

  protected async dispatch(message: ReviewPageMessage): Promise<void> {
    await this.common(message);
  }
}
