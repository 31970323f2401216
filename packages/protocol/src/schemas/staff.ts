import { z } from 'zod';
import { email, shortText } from './common.js';
import { passwordPolicy } from '../password-policy.js';

/** What a person may do in a shop: owners also manage keys, staff and the policy. */
export const StaffRole = { owner: 'owner', staff: 'staff' } as const;
export type StaffRole = (typeof StaffRole)[keyof typeof StaffRole];

export { passwordPolicy };

/** A password as sent by a form: bounded here, its minimum length checked by the service with a clear message. */
export const passwordInput = z.string().max(passwordPolicy.maxLength);

/** A single-use token from an invitation or password-reset link. */
export const linkTokenInput = z
  .string()
  .trim()
  .min(20)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'token');

/** `staff.login` */
export const staffLoginInput = z.object({ email, password: passwordInput });

/** `staff.acceptInvitation` and `staff.resetPassword` */
export const staffSetPasswordInput = z.object({ token: linkTokenInput, password: passwordInput });

/** `staff.requestPasswordReset` */
export const staffRequestPasswordResetInput = z.object({ email });

/** `staff.invite` */
export const staffInviteInput = z.object({
  email,
  name: shortText(),
  role: z.enum(['owner', 'staff']),
});

/** `staff.joinShop`: accept, signed in, an invitation listed in `staff.me`'s `invitations`. */
export const staffJoinShopInput = z.object({ invitationId: z.uuid() });

/** `staff.switchShop` */
export const staffSwitchShopInput = z.object({ shopId: z.uuid() });

/** `staff.remove` */
export const staffRemoveInput = z.object({ staffUserId: z.uuid() });
