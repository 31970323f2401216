import { api, type Outputs } from '../../trpc.js';

/** What `customers.admin.history` answers. */
export type CustomerHistory = Outputs['customers']['admin']['history'];

const inFlight = new Map<string, Promise<CustomerHistory>>();

/**
 * Asks `customers.admin.history` for a customer. Callers asking at the same time (a case page's
 * history panel and its reply picker, which wants the customer's language) share one request; an
 * answer is never kept after it arrives, so a later call sees fresh data.
 */
export function fetchCustomerHistory(customerId: string): Promise<CustomerHistory> {
  const pending = inFlight.get(customerId);
  if (pending) return pending;
  const request = api.customers.admin.history.query({ customerId });
  inFlight.set(customerId, request);
  const forget = () => {
    inFlight.delete(customerId);
  };
  request.then(forget, forget);
  return request;
}
