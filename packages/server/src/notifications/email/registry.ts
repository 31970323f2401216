import type { Locale } from '@comptoir/protocol';
import { renderLayout, type EmailBranding, type RenderedEmail } from './layout.js';
import type { EmailTemplate, TemplateContext } from './templates/common.js';
import { accessTemplates } from './templates/access.js';
import { claimTemplates } from './templates/claims.js';
import { loyaltyTemplates } from './templates/loyalty.js';
import { returnTemplates } from './templates/returns.js';
import { shippingTemplates } from './templates/shipping.js';
import { staffTemplates } from './templates/staff.js';
import { ticketTemplates } from './templates/tickets.js';

/** Every email template, by topic. */
export const emailTemplates = {
  ...shippingTemplates,
  ...returnTemplates,
  ...claimTemplates,
  ...ticketTemplates,
  ...accessTemplates,
  ...staffTemplates,
  ...loyaltyTemplates,
};

/** The name of an email template. */
export type EmailTopic = keyof typeof emailTemplates;

/** The data each topic's template needs. */
export type EmailData = {
  [T in EmailTopic]: (typeof emailTemplates)[T] extends EmailTemplate<infer D> ? D : never;
};

/** Every topic, for tests and the admin. */
export const emailTopics = Object.keys(emailTemplates) as EmailTopic[];

/** Whether a string is a known topic. */
export function isEmailTopic(value: string): value is EmailTopic {
  return Object.hasOwn(emailTemplates, value);
}

/** Whether a topic is sent even to shoppers who opted out of non-essential email. */
export function isEssentialTopic(topic: EmailTopic): boolean {
  return emailTemplates[topic].essential;
}

/** Renders one email: subject, accessible HTML and plain text, everything escaped. */
export function renderEmail<T extends EmailTopic>(
  topic: T,
  locale: Locale,
  data: EmailData[T],
  context: EmailBranding & { timeZone: string },
): RenderedEmail {
  const template = emailTemplates[topic] as EmailTemplate<EmailData[T]>;
  const ctx: TemplateContext = { shopName: context.shopName, timeZone: context.timeZone };
  return renderLayout(locale, context, template.render(locale, data, ctx));
}
