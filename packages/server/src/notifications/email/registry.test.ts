import { describe, expect, it } from 'vitest';
import { contrastRatio, brandColours } from './layout.js';
import { emailTopics, renderEmail, type EmailData, type EmailTopic } from './registry.js';

const hostile = `<script>alert("x")</script>&'"`;
const hostileUrl = 'javascript:alert(1)';
const money = { amountMinor: 4990, currency: 'EUR' };
const iso = '2026-06-17T15:00:00Z';
const url = 'https://shop.example/#comptoir-link=abc';

/** Sample data per topic, every free text hostile. */
const samples: { [T in EmailTopic]: EmailData[T] } = {
  order_shipped: { orderNumber: hostile, carrier: hostile, trackingNumber: hostile, trackingUrl: hostileUrl, url },
  order_out_for_delivery: { orderNumber: hostile, url },
  order_delivered: { orderNumber: hostile, url },
  order_ready_for_pickup: { orderNumber: hostile, pickupAddress: hostile, url },
  return_requested: { returnCode: hostile, orderNumber: hostile, url, needsReview: true },
  return_approved: { returnCode: hostile, orderNumber: hostile, url, instructions: hostile },
  return_received: { returnCode: hostile, orderNumber: hostile, url, refundDueAt: iso },
  return_refunded: { returnCode: hostile, orderNumber: hostile, url, amount: money },
  store_credit_issued: { amount: money, bonus: { amountMinor: 499, currency: 'EUR' }, url },
  claim_opened: { orderNumber: hostile, kind: 'not_received', url, answerDueAt: iso },
  claim_answered: { orderNumber: hostile, kind: 'damaged', url, message: hostile },
  claim_decided_automatically: { orderNumber: hostile, kind: 'not_as_described', url, amount: money },
  ticket_replied: { subject: hostile, excerpt: hostile, url },
  shopper_sign_in_code: { code: '042917', url, expiresInMinutes: 15 },
  shopper_sign_in_link: { url, expiresInMinutes: 15 },
  staff_invitation: { inviterName: hostile, role: 'staff', url, expiresInHours: 72 },
  password_reset: { url, expiresInMinutes: 30 },
  staff_new_case: { caseType: 'return', caseRef: hostile, orderNumber: hostile, url },
  staff_deadline_reminder: { caseType: 'claim', caseRef: hostile, dueAt: iso, url },
  staff_deadline_missed: { caseType: 'ticket', caseRef: hostile, outcome: { fr: hostile, en: hostile }, url },
  staff_case_rated: { caseType: 'claim', caseRef: hostile, orderNumber: hostile, rating: 2, comment: hostile, url },
  staff_daily_digest: {
    overdue: 1,
    dueToday: 1,
    cases: [
      { caseType: 'return', caseRef: hostile, orderNumber: hostile, dueAt: iso, overdue: true, url },
      { caseType: 'ticket', caseRef: hostile, orderNumber: null, dueAt: iso, overdue: false, url },
    ],
    url,
  },
  webhook_endpoint_disabled: { endpointUrl: hostile, failingSince: iso, url },
  loyalty_points_expiring: { points: 120, expiresAt: iso, url },
  loyalty_points_earned: { points: 42, orderNumber: hostile, availableAt: iso, url },
  loyalty_voucher_issued: { code: hostile, value: money, points: 100, expiresAt: iso, url },
};

const branding = { shopName: `Chez <b>Léa</b> & "fils"`, logoUrl: 'javascript:alert(2)', brandColor: '#ffeb3b', timeZone: 'Europe/Paris' };

describe('email templates', () => {
  for (const topic of emailTopics) {
    for (const locale of ['fr', 'en'] as const) {
      it(`renders ${topic} in ${locale} with every value escaped and a plain-text version`, () => {
        const email = renderEmail(topic, locale, samples[topic] as never, branding);
        expect(email.html).toContain(`<html lang="${locale}"`);
        expect(email.html).not.toContain('<script>');
        expect(email.html).not.toContain('<b>Léa</b>');
        expect(email.html).not.toContain('javascript:');
        expect(email.html).toMatch(/&lt;(script|b)&gt;/);
        expect(email.text.length).toBeGreaterThan(40);
        expect(email.text).not.toContain('<table');
        expect(email.subject).not.toMatch(/[\r\n]/);
        if (topic !== 'password_reset' && topic !== 'webhook_endpoint_disabled') expect(email.text).toContain(url);
      });
    }
  }

  it('speaks French and English', () => {
    const fr = renderEmail('return_refunded', 'fr', samples.return_refunded, branding);
    const en = renderEmail('return_refunded', 'en', samples.return_refunded, branding);
    expect(fr.subject).toContain('Remboursement de 49,90');
    expect(en.subject).toContain('Refund of €49.90');
  });

  it('shows the logo with the shop name as alt text when the logo is an http(s) URL', () => {
    const email = renderEmail('order_delivered', 'fr', samples.order_delivered, { ...branding, logoUrl: 'https://cdn.example/logo.png' });
    expect(email.html).toContain('src="https://cdn.example/logo.png" alt="Chez &lt;b&gt;Léa&lt;/b&gt; &amp; &quot;fils&quot;"');
  });

  it('picks a readable text colour on the brand colour', () => {
    for (const brand of ['#ffeb3b', '#1f4e79', '#777777', '#000000', '#ffffff', 'red;background:url(x)']) {
      const { background, foreground } = brandColours(brand);
      expect(contrastRatio(background, foreground)).toBeGreaterThanOrEqual(4.5);
      expect(background).toMatch(/^#[0-9a-f]{6}$/);
    }
  });
});
