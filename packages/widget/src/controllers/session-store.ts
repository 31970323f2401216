/** A shopper session as the widget keeps it. */
export interface StoredSession {
  token: string;
  expiresAt: string;
}

/**
 * Keeps the shopper's session token in sessionStorage, one entry per shop (keyed by its
 * publishable key): it lasts for the tab and is shared with no other shop. Storage may be
 * unavailable (privacy modes); the session then lasts for the page.
 */
export class SessionStore {
  private memory: StoredSession | null = null;
  private readonly storageKey: string;

  constructor(
    publishableKey: string,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.storageKey = `comptoir:session:${publishableKey}`;
  }

  /** The current token, or null when there is none or it has expired. */
  get(): StoredSession | null {
    let session = this.memory;
    if (!session) {
      try {
        const raw = sessionStorage.getItem(this.storageKey);
        session = raw ? (JSON.parse(raw) as StoredSession) : null;
      } catch {
        session = null;
      }
    }
    if (!session || typeof session.token !== 'string' || !(Date.parse(session.expiresAt) > this.now())) {
      if (session) this.clear();
      return null;
    }
    this.memory = session;
    return session;
  }

  set(session: StoredSession): void {
    this.memory = session;
    try {
      sessionStorage.setItem(this.storageKey, JSON.stringify(session));
    } catch {
      // Storage refused: the in-memory copy keeps the shopper signed in for this page.
    }
  }

  clear(): void {
    this.memory = null;
    try {
      sessionStorage.removeItem(this.storageKey);
    } catch {
      // Nothing stored, nothing to clear.
    }
  }
}
