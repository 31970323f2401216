import { z } from 'zod';
import { id } from './common.js';

/** Input of `customers.admin.history`. */
export const customerHistoryInput = z.object({ customerId: id });
