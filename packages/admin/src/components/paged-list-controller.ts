import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { session } from '../session.js';
import { errorMessageOf } from '../trpc.js';

/** One page of a keyset-paged list, as the admin's list procedures answer. */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A list read a page at a time: the first page again when the filters change, the next one on
 * "show more". An answer that arrives after a newer request started is dropped, so fast typing in
 * a search box never shows the results of an older search.
 */
export class PagedListController<T> implements ReactiveController {
  /** Null until the first page arrives. */
  items: T[] | null = null;
  nextCursor: string | null = null;
  error = '';
  isLoading = false;
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetchPage: (cursor: string | null) => Promise<ListPage<T>>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.reload();
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** The first page, for the current filters. */
  reload(): Promise<void> {
    clearTimeout(this.timer);
    return this.load(null);
  }

  /** The first page after a short pause (while someone types). */
  reloadSoon(delayMs = 250): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(null), delayMs);
  }

  /** The page after the ones shown. */
  more(): Promise<void> {
    return this.nextCursor ? this.load(this.nextCursor) : Promise.resolve();
  }

  private async load(cursor: string | null): Promise<void> {
    const seq = ++this.seq;
    this.isLoading = true;
    this.host.requestUpdate();
    try {
      const page = await this.fetchPage(cursor);
      if (seq !== this.seq) return;
      this.items = cursor && this.items ? [...this.items, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
      this.error = '';
    } catch (error) {
      session.handleError(error);
      if (seq === this.seq) this.error = errorMessageOf(error);
    } finally {
      if (seq === this.seq) this.isLoading = false;
      this.host.requestUpdate();
    }
  }
}
