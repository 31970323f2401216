import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { api, errorCodeOf, setCsrfToken, type StaffOverview } from './trpc.js';

/** Where the admin stands with the server. */
export const SessionStatus = { checking: 'checking', signedOut: 'signedOut', signedIn: 'signedIn' } as const;
export type SessionStatus = (typeof SessionStatus)[keyof typeof SessionStatus];

/**
 * The signed-in person, shared by every screen. The session itself is an HttpOnly cookie the page
 * never sees; `staff.me` tells who it is and gives the CSRF token.
 */
class SessionStore {
  status: SessionStatus = SessionStatus.checking;
  me: StaffOverview | null = null;
  private readonly listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(status: SessionStatus, me: StaffOverview | null): void {
    this.status = status;
    this.me = me;
    setCsrfToken(me?.csrfToken ?? '');
    for (const listener of this.listeners) listener();
  }

  /** Asks the server who is signed in; a missing or ended session means signed out. */
  async refresh(): Promise<void> {
    try {
      this.set(SessionStatus.signedIn, await api.staff.me.query());
    } catch (error) {
      if (errorCodeOf(error) === 'STAFF_SESSION_REQUIRED') this.set(SessionStatus.signedOut, null);
      else throw error;
    }
  }

  async login(email: string, password: string): Promise<void> {
    await api.staff.login.mutate({ email, password });
    await this.refresh();
  }

  async logout(): Promise<void> {
    try {
      await api.staff.logout.mutate();
    } finally {
      this.set(SessionStatus.signedOut, null);
    }
  }

  async switchShop(shopId: string): Promise<void> {
    await api.staff.switchShop.mutate({ shopId });
    await this.refresh();
  }

  /** A call answered "not signed in" (the session ended meanwhile): go back to sign-in. */
  handleError(error: unknown): void {
    if (errorCodeOf(error) === 'STAFF_SESSION_REQUIRED') this.set(SessionStatus.signedOut, null);
  }
}

/** The admin's one session. */
export const session = new SessionStore();

/** Re-renders its host when the session changes. */
export class SessionController implements ReactiveController {
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get status(): SessionStatus {
    return session.status;
  }

  get me(): StaffOverview | null {
    return session.me;
  }

  hostConnected(): void {
    this.unsubscribe = session.subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
  }
}
