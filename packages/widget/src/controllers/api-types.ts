import type { AppRouter } from '@comptoir/server/router';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

/**
 * What the widget reads from the server's widget procedures, derived from the router's own types
 * (type-only: no server code reaches the bundle), so a change of the API breaks the widget's build
 * instead of its screens. Without a transformer, dates travel as ISO strings.
 */
type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

/** A value as it arrives through JSON. */
export type Json<T> = T extends Date
  ? string
  : T extends ReadonlyArray<infer U>
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

/** `shops.widget.config`. */
export type ShopConfig = Json<Outputs['shops']['widget']['config']>;
/** `sessions.widget.signIn`'s input and result. */
export type SignInInput = Inputs['sessions']['widget']['signIn'];
export type SignInResult = Json<Outputs['sessions']['widget']['signIn']>;
/** `sessions.widget.requestCode`: the same answer whether or not the address is known. */
export type RequestCodeResult = Json<Outputs['sessions']['widget']['requestCode']>;
/** `orders.widget.list`. */
export type OrderPage = Json<Outputs['orders']['widget']['list']>;
export type OrderSummary = OrderPage['orders'][number];
/** `orders.widget.detail`. */
export type OrderDetail = Json<Outputs['orders']['widget']['detail']>;
export type ShipmentView = OrderDetail['shipments'][number];
export type OrderLineView = OrderDetail['lines'][number];
/** `returns.widget.eligibility`: each line of an order, returnable or not, and how. */
export type ReturnEligibility = Json<Outputs['returns']['widget']['eligibility']>;
export type ReturnLineEligibility = ReturnEligibility['lines'][number];
/** `returns.widget.create`'s input and result. */
export type CreateReturnInput = Inputs['returns']['widget']['create'];
export type CreatedReturn = Json<Outputs['returns']['widget']['create']>;
/** `returns.widget.list`. */
export type ReturnPage = Json<Outputs['returns']['widget']['list']>;
export type ReturnSummary = ReturnPage['returns'][number];
/** `returns.widget.detail`. */
export type ReturnDetail = Json<Outputs['returns']['widget']['detail']>;
/** `claims.widget.eligibility`: each kind of claim, openable or not, from and until when. */
export type ClaimEligibility = Json<Outputs['claims']['widget']['eligibility']>;
/** `claims.widget.open`'s input and result. */
export type OpenClaimInput = Inputs['claims']['widget']['open'];
export type OpenedClaim = Json<Outputs['claims']['widget']['open']>;
/** `claims.widget.detail`: one claim, its history (with the server's reasons), photos and refunds. */
export type ClaimDetail = Json<Outputs['claims']['widget']['detail']>;
export type ClaimEvent = ClaimDetail['events'][number];
/** `claims.widget.list`. */
export type ClaimPage = Json<Outputs['claims']['widget']['list']>;
/** `claims.widget.rate`'s input. */
export type RateClaimInput = Inputs['claims']['widget']['rate'];
/** `cases.widget.attachment`: a file of the shopper's own case, its bytes in base64. */
export type AttachmentFile = Json<Outputs['cases']['widget']['attachment']>;
/** `tickets.widget.list`. */
export type TicketPage = Json<Outputs['tickets']['widget']['list']>;
export type TicketSummary = TicketPage['tickets'][number];
/** `tickets.widget.thread`: a ticket and the messages the shopper may read. */
export type TicketThread = Json<Outputs['tickets']['widget']['thread']>;
export type ThreadMessage = TicketThread['messages'][number];
/** `tickets.widget.open`, `reply` and `rate`'s inputs, and what opening answers. */
export type OpenTicketInput = Inputs['tickets']['widget']['open'];
export type OpenedTicket = Json<Outputs['tickets']['widget']['open']>;
export type ReplyTicketInput = Inputs['tickets']['widget']['reply'];
export type RateTicketInput = Inputs['tickets']['widget']['rate'];
/** A file as the widget sends it to the server. */
export type AttachmentUpload = NonNullable<OpenTicketInput['attachments']>[number];
/** `loyalty.widget.summary`: balances, pending lots, tier, a page of history, vouchers, rewards. */
export type LoyaltySummary = Json<Outputs['loyalty']['widget']['summary']>;
export type LoyaltyEntry = LoyaltySummary['history'][number];
export type LoyaltyVoucher = LoyaltySummary['vouchers'][number];
export type LoyaltyReward = LoyaltySummary['rewards'][number];
/** `loyalty.widget.redeem`'s input and result. */
export type RedeemInput = Inputs['loyalty']['widget']['redeem'];
export type RedeemResult = Json<Outputs['loyalty']['widget']['redeem']>;
/** `sessions.widget.verifyLink`: a session from an emailed link, and the case it opens. */
export type LinkSignInResult = Json<Outputs['sessions']['widget']['verifyLink']>;
