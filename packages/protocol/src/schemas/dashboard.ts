import { z } from 'zod';

/** The windows the dashboard offers, in days. */
export const dashboardDays = z.union([z.literal(7), z.literal(30), z.literal(90)]);

/** Input of `dashboard.admin.summary` and `dashboard.admin.exportCases`: the last 7, 30 or 90 days. */
export const dashboardInput = z.object({ days: dashboardDays });

/** The promises the dashboard counts as kept or missed (the kinds of Deadline). */
export const promiseKinds = ['return_approval', 'refund_due', 'claim_answer', 'ticket_first_response'] as const;
export type PromiseKind = (typeof promiseKinds)[number];
