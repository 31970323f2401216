import type { Locale, Localized } from '../locale.js';

/**
 * A case's state machine: its statuses, the transition table that says which moves are legal,
 * what each status is called on screen, which statuses wait for the shop and which are final.
 * One table per kind of case, checked by one generic {@link checkTransition}.
 */
export interface StateMachine<S extends string> {
  /** The kind of case ("return", "refund", "claim", "ticket", "exchange"), also the event subject type. */
  readonly name: string;
  /** Every status, in the order a case usually goes through them. */
  readonly statuses: readonly S[];
  /** For each status, the statuses it may move to. Anything else is an invalid transition. */
  readonly transitions: Readonly<Record<S, readonly S[]>>;
  /** Statuses in which the shop has something to do (a case in one of them shows in its queue). */
  readonly awaitingShop: readonly S[];
  /** Final statuses: nothing leaves them. */
  readonly terminal: readonly S[];
  /** What each status is called on screen. */
  readonly labels: Readonly<Record<S, Localized>>;
}

/** The status values of a machine. */
export type StatusOf<M> = M extends StateMachine<infer S> ? S : never;

/**
 * Builds a machine from its parts. The lists of statuses derive from the table's keys, and a
 * status is terminal exactly when its row is empty, so the two can never disagree.
 */
export function defineMachine<S extends string>(definition: {
  name: string;
  transitions: Record<S, readonly S[]>;
  awaitingShop: readonly S[];
  labels: Record<S, Localized>;
}): StateMachine<S> {
  const statuses = Object.keys(definition.transitions) as S[];
  return Object.freeze({
    name: definition.name,
    statuses,
    transitions: definition.transitions,
    awaitingShop: definition.awaitingShop,
    terminal: statuses.filter((status) => definition.transitions[status].length === 0),
    labels: definition.labels,
  });
}

/**
 * A refused move. Carries the machine's name and both statuses; the server turns it into
 * `DomainError('INVALID_TRANSITION', { from, to })` (protocol cannot import the server's error).
 */
export class TransitionError extends Error {
  readonly code = 'INVALID_TRANSITION' as const;
  readonly machine: string;
  readonly from: string;
  readonly to: string;

  constructor(machine: string, from: string, to: string) {
    super(`INVALID_TRANSITION: ${machine} ${from} → ${to}`);
    this.name = 'TransitionError';
    this.machine = machine;
    this.from = from;
    this.to = to;
  }

  /** The params of the INVALID_TRANSITION error message. */
  get params(): { from: string; to: string } {
    return { from: this.from, to: this.to };
  }
}

/** The verdict of {@link checkTransition}. */
export type TransitionCheck<S extends string> =
  | { ok: true; from: S; to: S }
  | { ok: false; error: TransitionError };

/** Whether `value` is one of the machine's statuses (status columns are plain text). */
export function isStatus<S extends string>(machine: StateMachine<S>, value: unknown): value is S {
  return typeof value === 'string' && Object.hasOwn(machine.transitions, value);
}

/** Whether the table allows going from `from` to `to`. Unknown statuses are never allowed. */
export function canTransition<S extends string>(machine: StateMachine<S>, from: string, to: string): boolean {
  return isStatus(machine, from) && isStatus(machine, to) && machine.transitions[from].includes(to);
}

/**
 * Checks a move against the machine's table. Accepts plain strings because statuses come from
 * the database and from clients; an unknown status is refused like any illegal move.
 */
export function checkTransition<S extends string>(
  machine: StateMachine<S>,
  from: string,
  to: string,
): TransitionCheck<S> {
  if (canTransition(machine, from, to)) return { ok: true, from: from as S, to: to as S };
  return { ok: false, error: new TransitionError(machine.name, from, to) };
}

/** Like {@link checkTransition}, but throws the {@link TransitionError}. */
export function assertTransition<S extends string>(machine: StateMachine<S>, from: string, to: string): S {
  const check = checkTransition(machine, from, to);
  if (!check.ok) throw check.error;
  return check.to;
}

/** The statuses a case may move to next (empty for an unknown or final status). */
export function nextStatuses<S extends string>(machine: StateMachine<S>, from: string): readonly S[] {
  return isStatus(machine, from) ? machine.transitions[from] : [];
}

/** Whether nothing can happen to a case in this status any more. */
export function isTerminalStatus<S extends string>(machine: StateMachine<S>, status: string): boolean {
  return isStatus(machine, status) && machine.terminal.includes(status);
}

/** Whether a case in this status waits for the shop. */
export function isAwaitingShop<S extends string>(machine: StateMachine<S>, status: string): boolean {
  return isStatus(machine, status) && machine.awaitingShop.includes(status);
}

/** The on-screen name of a status; the raw value for a status the machine does not know. */
export function statusLabel<S extends string>(machine: StateMachine<S>, status: string, locale: Locale): string {
  return isStatus(machine, status) ? machine.labels[status][locale] : status;
}
