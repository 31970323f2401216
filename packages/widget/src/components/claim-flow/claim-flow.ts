import { LitElement, html, nothing } from 'lit';
import { Task } from '@lit/task';
import type { ClaimEligibility, OpenClaimInput, OpenedClaim, OrderDetail } from '../../controllers/api-types.js';
import { describeError, type WidgetContext } from '../../controllers/widget-context.js';
import { flowStep, flowStepStyles, renderTask } from '../flow-step/flow-step.js';
import { returnText, spokenDeadline, type ReturnTextKey } from '../../i18n/returns.js';
import { caseText } from '../../i18n/cases.js';
import { photoRules, toUploads } from '../attachments.js';
import { controls, tokens } from '../styles.js';
import '../file-picker/file-picker.js';

type Kind = OpenClaimInput['kind'];

/**
 * Opens a guarantee claim on an order ("not received", "damaged", "not as described"): each kind
 * shows whether it can be opened now, or from when and why not; then a description and photos
 * (checked against the protocol's limits, sent as base64). Lands on the claim's case view, which
 * confirms it and gives the shop's answer deadline. Loaded on demand, with the return screens' chunk.
 *
 * @csspart form - the claim form
 * @csspart button - the buttons
 * @csspart error - error messages
 */
export class ComptoirClaimFlow extends LitElement {
  static override properties = {
    ctx: { attribute: false },
    number: {},
    kind: { state: true },
    formError: { state: true },
    isSending: { state: true },
    opened: { state: true },
  };

  static override styles = [tokens, controls, flowStepStyles];

  declare ctx: WidgetContext;
  declare number: string;
  declare kind: Kind | '';
  declare formError: string;
  declare isSending: boolean;
  declare opened: OpenedClaim | null;

  private description = '';

  constructor() {
    super();
    this.number = '';
    this.kind = '';
    this.formError = '';
    this.isSending = false;
    this.opened = null;
  }

  private readonly eligibility = new Task(this, {
    task: async ([ctx, number]) => {
      if (!ctx || !number) return undefined;
      const order = await ctx.api.query<OrderDetail>('orders.widget.detail', { number });
      const kinds = await ctx.api.query<ClaimEligibility>('claims.widget.eligibility', { orderId: order.id });
      return { orderId: order.id, kinds };
    },
    args: () => [this.ctx, this.number] as const,
  });

  private text(key: ReturnTextKey, params?: Record<string, string | number>): string {
    return returnText(this.ctx.t.locale, key, params);
  }

  override render() {
    const { t } = this.ctx;
    return renderTask(this.eligibility, t, (value) => {
      if (!value) return nothing;
      if (this.opened) {
        return html`<h2>${this.text('claimDone')}</h2>
          <p class="box" role="status">
            ${this.text('claimAnswer', { date: spokenDeadline(t.locale, this.opened.answerDueAt, this.ctx.shop.timeZone) })}
          </p>`;
      }
      return this.renderForm(value.orderId, value.kinds);
    });
  }

  private renderForm(orderId: string, kinds: ClaimEligibility) {
    const { t } = this.ctx;
    return flowStep({
      id: 'claim-title',
      heading: this.text('claimTitle'),
      error: this.formError,
      submitLabel: this.isSending ? this.text('sending') : this.text('sendClaim'),
      isSending: this.isSending,
      onSubmit: (event) => this.open(event, orderId),
      body: html`<fieldset>
          <legend>${this.text('claimKind')}</legend>
          ${kinds.map(
            (option) => html`<div>
              <label class="option"
                ><input
                  type="radio"
                  name="kind"
                  .value=${option.kind}
                  ?disabled=${!option.eligible}
                  .checked=${this.kind === option.kind}
                  @change=${() => (this.kind = option.kind)}
                />
                ${this.text(`claim.${option.kind}`)}</label
              >
              ${option.eligible
                ? nothing
                : // The server's verdict already says from when ("à partir du 18 décembre").
                  html`<p class="muted">${option.message[t.locale]}</p>`}
            </div>`,
          )}
        </fieldset>
        <label class="field">
          <span>${this.text('describe')}</span>
          <textarea name="description" rows="4" maxlength="5000" required @input=${(event: Event) => (this.description = (event.target as HTMLTextAreaElement).value)}></textarea>
        </label>
        <comptoir-file-picker
          .locale=${t.locale}
          .rules=${photoRules}
          .label=${caseText(t.locale, 'photos')}
          .hint=${caseText(t.locale, 'photosHint', { count: photoRules.maxCount, size: Math.round(photoRules.maxBytes / (1024 * 1024)) })}
        ></comptoir-file-picker>`,
    });
  }

  private async open(event: Event, orderId: string) {
    event.preventDefault();
    if (this.isSending) return;
    if (!this.kind || !this.description.trim()) {
      this.formError = this.text('pickKind');
      return;
    }
    this.isSending = true;
    this.formError = '';
    try {
      const picker = this.renderRoot.querySelector('comptoir-file-picker');
      const photos = await toUploads(picker?.files ?? []);
      const input: OpenClaimInput = { orderId, kind: this.kind, description: this.description.trim(), photos };
      this.opened = await this.ctx.api.mutation<OpenedClaim>('claims.widget.open', input);
      this.ctx.navigate({ name: 'claim', number: this.number, id: this.opened.claimId, isNew: true });
    } catch (error) {
      this.formError = describeError(error, this.ctx.t);
    } finally {
      this.isSending = false;
    }
  }
}

if (!customElements.get('comptoir-claim-flow')) customElements.define('comptoir-claim-flow', ComptoirClaimFlow);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-claim-flow': ComptoirClaimFlow;
  }
}
