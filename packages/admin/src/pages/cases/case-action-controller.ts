import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { t, type MessageKey } from '../../i18n/index.js';
import { session } from '../../session.js';
import { errorMessageOf } from '../../trpc.js';

/**
 * The loading and acting state every case page shares: whether an action is under way, the last
 * error and the last confirmation. `run` performs a staff action, says it is done, then reloads the
 * case so the page shows only what its new state allows.
 */
export class CaseActionController implements ReactiveController {
  busy = false;
  error = '';
  notice = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly reload: () => Promise<unknown>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.load();
  }

  /** Fetches the case; a failure is shown in place of it. */
  async load(): Promise<void> {
    try {
      await this.reload();
    } catch (error) {
      this.fail(error);
    }
    this.host.requestUpdate();
  }

  /** Runs a staff action, then shows the case as it now is. True when it went through. */
  async run(action: () => Promise<unknown>, done: MessageKey): Promise<boolean> {
    this.busy = true;
    this.error = '';
    this.notice = '';
    this.host.requestUpdate();
    try {
      await action();
      this.notice = t(done);
      await this.load();
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** Something went right elsewhere (a note saved by its own element): reload the case, then say so. */
  async reloadDone(done: MessageKey): Promise<void> {
    await this.load();
    this.error = '';
    this.notice = t(done);
    this.host.requestUpdate();
  }

  /** Shows why something failed (an ended session goes back to sign-in). */
  fail(error: unknown): void {
    session.handleError(error);
    this.error = errorMessageOf(error);
    this.host.requestUpdate();
  }
}
