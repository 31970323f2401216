import { z } from 'zod';
import { id } from './common.js';
import { orderStage } from './orders.js';

/** Input of `orders.admin.list`: the shop's orders, newest first, searched and filtered by stage. */
export const adminOrderListInput = z
  .object({
    /** Part of the order number, the customer's email or name (case-insensitive). */
    query: z.string().trim().min(1).max(200).optional(),
    state: orderStage.optional(),
    limit: z.number().int().min(1).max(100).default(25),
    cursor: z.string().max(200).nullish(),
  })
  .default({ limit: 25 });

/** Input of `orders.admin.detail`. */
export const adminOrderRef = z.object({ orderId: id });
