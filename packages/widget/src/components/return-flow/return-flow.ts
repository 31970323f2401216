import { LitElement, html, css, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { Task } from '@lit/task';
import type { CreatedReturn, CreateReturnInput, ReturnEligibility, ReturnLineEligibility } from '../../controllers/api-types.js';
import { describeError, type WidgetContext } from '../../controllers/widget-context.js';
import { flowStep, flowStepStyles, renderTask } from '../flow-step/flow-step.js';
import { exchangeChoices, exchangeLabel } from './exchange-choices.js';
import { emit } from '../../events.js';
import { returnText, type ReturnTextKey } from '../../i18n/returns.js';
import { renderDropOff } from '../return-case/drop-off-points.js';
import { controls, tokens } from '../styles.js';

type Method = CreateReturnInput['method'];
type Resolution = CreateReturnInput['resolution'];
type Reason = NonNullable<CreateReturnInput['lines'][number]['reason']>;
const reasons: readonly Reason[] = ['changed_mind', 'wrong_size', 'defective', 'damaged', 'not_as_described', 'wrong_item', 'arrived_late', 'other'];

/** A key made once per form: a double submit (or a retry after a lost answer) makes one return. */
function newIdempotencyKey(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `ret-${random}`;
}

/**
 * Asks for a return of an order: lines and quantities (only returnable ones, each with the reason
 * when not), an optional reason, the method, the resolution (store credit with its bonus first when
 * the shop offers it first), a summary with the amount and the refund date, then the confirmation
 * with the return code as text and as a QR code. Loaded on demand, in its own chunk.
 *
 * @fires comptoir-return-requested - the return was registered (detail: the order number)
 * @csspart form - the return form
 * @csspart line - each order line
 * @csspart button - the buttons
 * @csspart error - error messages
 */
export class ComptoirReturnFlow extends LitElement {
  static override properties = {
    ctx: { attribute: false },
    number: {},
    step: { state: true },
    quantities: { state: true },
    reason: { state: true },
    method: { state: true },
    resolution: { state: true },
    exchangeSkus: { state: true },
    formError: { state: true },
    isSending: { state: true },
    created: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    flowStepStyles,
    css`
      .done {
        display: grid;
        gap: 1rem;
      }
      .line {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0.25rem 0.75rem;
        align-items: center;
      }
      .title {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .line select {
        width: auto;
      }
      .pick {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
      .code {
        font-size: 1.3rem;
        font-weight: 700;
        letter-spacing: 0.05em;
      }
      canvas {
        width: 160px;
        height: 160px;
        image-rendering: pixelated;
        background: #fff;
        padding: 6px;
      }
    `,
  ];

  declare ctx: WidgetContext;
  declare number: string;
  declare step: 'form' | 'summary' | 'done';
  declare quantities: Record<string, number>;
  declare reason: Reason | '';
  declare method: Method | '';
  declare resolution: Resolution | '';
  /** For an exchange: the SKU wanted instead of each chosen line, by order line id ('' until chosen). */
  declare exchangeSkus: Record<string, string>;
  declare formError: string;
  declare isSending: boolean;
  declare created: CreatedReturn | null;

  private idempotencyKey = newIdempotencyKey();
  private comment = '';

  constructor() {
    super();
    this.number = '';
    this.step = 'form';
    this.quantities = {};
    this.reason = '';
    this.method = '';
    this.resolution = '';
    this.exchangeSkus = {};
    this.formError = '';
    this.isSending = false;
    this.created = null;
  }

  private readonly eligibility = new Task(this, {
    task: async ([ctx, number]) =>
      ctx && number ? ctx.api.query<ReturnEligibility>('returns.widget.eligibility', { orderNumber: number }) : undefined,
    args: () => [this.ctx, this.number] as const,
  });

  private text(key: ReturnTextKey, params?: Record<string, string | number>): string {
    return returnText(this.ctx.t.locale, key, params);
  }

  override render() {
    return renderTask(this.eligibility, this.ctx.t, (eligibility) => (eligibility ? this.renderStep(eligibility) : nothing));
  }

  private renderStep(eligibility: ReturnEligibility) {
    if (this.step === 'done' && this.created) return this.renderDone(this.created);
    if (!eligibility.lines.some((line) => line.eligible)) return html`<h2>${this.text('title')}</h2><p class="box">${this.text('none')}</p>`;
    return this.step === 'summary' ? this.renderSummary(eligibility) : this.renderForm(eligibility);
  }

  private selectedLines(eligibility: ReturnEligibility): Array<{ line: ReturnLineEligibility; quantity: number }> {
    return eligibility.lines
      .filter((line) => line.eligible && (this.quantities[line.orderLineId] ?? 0) > 0)
      .map((line) => ({ line, quantity: this.quantities[line.orderLineId]! }));
  }

  /** The methods every chosen line allows. */
  private methodsFor(eligibility: ReturnEligibility): Method[] {
    const selected = this.selectedLines(eligibility);
    const lines = selected.length ? selected.map(({ line }) => line) : eligibility.lines.filter((line) => line.eligible);
    return (lines[0]?.methods ?? []).filter((method) => lines.every((line) => line.methods.includes(method))) as Method[];
  }

  private amountOf(eligibility: ReturnEligibility): number {
    return this.selectedLines(eligibility).reduce((sum, { line, quantity }) => sum + line.unitPriceMinor * quantity, 0);
  }

  /** The resolutions in the policy's order (store credit first when offered first), with their amounts. */
  private resolutionsFor(eligibility: ReturnEligibility): Array<{ value: Resolution; label: string }> {
    const { t } = this.ctx;
    const amount = this.amountOf(eligibility);
    const options = eligibility.lines.find((line) => line.eligible)?.refundOptions ?? [];
    return options.flatMap((option): Array<{ value: Resolution; label: string }> => {
      if (option.kind === 'store_credit') {
        const bonus = Math.floor((amount * option.bonusPercent) / 100);
        return [{ value: 'store_credit', label: this.text('storeCredit', { amount: t.money(amount + bonus, eligibility.currency), bonus: t.money(bonus, eligibility.currency) }) }];
      }
      if (option.kind === 'original_payment') return [{ value: 'refund', label: this.text('refund', { amount: t.money(amount, eligibility.currency) }) }];
      return eligibility.exchangesEnabled ? [{ value: 'exchange', label: this.text('exchange') }] : [];
    });
  }

  private renderForm(eligibility: ReturnEligibility) {
    const { t } = this.ctx;
    const latest = eligibility.lines
      .filter((line) => line.eligible && line.deadline)
      .map((line) => line.deadline!)
      .sort()
      .at(-1);
    return html`${eligibility.reviewNotice ? html`<p class="box">${eligibility.reviewNotice[t.locale]}</p>` : nothing}
    ${flowStep({
      id: 'return-title',
      heading: this.text('title'),
      intro: html`${this.text('intro')}${latest ? html` — ${this.text('until', { date: t.date(latest) })}` : nothing}`,
      error: this.formError,
      submitLabel: this.text('next'),
      onSubmit: (event) => this.toSummary(event, eligibility),
      body: html`<fieldset>
          <legend>${t.t('lines')}</legend>
          ${eligibility.lines.map((line) => this.renderLine(line))}
        </fieldset>
        <label class="field">
          <span>${this.text('reason')}</span>
          <select name="reason" @change=${(event: Event) => (this.reason = (event.target as HTMLSelectElement).value as Reason | '')}>
            <option value="" ?selected=${!this.reason}>${this.text('noReason')}</option>
            ${reasons.map((reason) => html`<option value=${reason} ?selected=${this.reason === reason}>${this.text(`reason.${reason}`)}</option>`)}
          </select>
        </label>
        <fieldset>
          <legend>${this.text('method')}</legend>
          ${this.methodsFor(eligibility).map(
            (method) => html`<label class="option"
              ><input type="radio" name="method" .value=${method} .checked=${this.method === method} @change=${() => (this.method = method)} />
              ${this.text(`method.${method}`)}</label
            >`,
          )}
        </fieldset>
        <fieldset>
          <legend>${this.text('resolution')}</legend>
          ${this.resolutionsFor(eligibility).map(
            (option) => html`<label class="option"
              ><input type="radio" name="resolution" .value=${option.value} .checked=${this.resolution === option.value} @change=${() => (this.resolution = option.value)} />
              ${option.label}</label
            >`,
          )}
        </fieldset>
        ${this.resolution === 'exchange' ? this.renderExchangeChoices(eligibility) : nothing}
        <label class="field">
          <span>${this.text('comment')}</span>
          <textarea name="comment" rows="2" maxlength="2000" .value=${this.comment} @input=${(event: Event) => (this.comment = (event.target as HTMLTextAreaElement).value)}></textarea>
        </label>`,
    })}`;
  }

  /**
   * For an exchange, the variant wanted instead of each chosen line: the shop's other variants of
   * that product, or the same one again (a replacement). Nothing is preselected when there is a real
   * choice: the shopper says which size or colour they want.
   */
  private renderExchangeChoices(eligibility: ReturnEligibility) {
    const selected = this.selectedLines(eligibility);
    if (!selected.length) return nothing;
    return html`<fieldset class="exchange">
      <legend>${this.text('exchangeFor')}</legend>
      ${selected.map(({ line }) => {
        const choices = exchangeChoices(line);
        if (choices.length === 1) return html`<p>${this.text('exchangeSame', { title: line.title })}</p>`;
        return html`<label class="field">
          <span class="title">${line.title}</span>
          <select
            name="exchange"
            aria-label=${this.text('exchangeOf', { title: line.title })}
            @change=${(event: Event) => {
              this.exchangeSkus = { ...this.exchangeSkus, [line.orderLineId]: (event.target as HTMLSelectElement).value };
              this.formError = '';
            }}
          >
            <option value="" ?selected=${!this.exchangeSkus[line.orderLineId]}>${this.text('pickVariant')}</option>
            ${choices.map(
              (choice) =>
                html`<option value=${choice.sku} ?selected=${this.exchangeSkus[line.orderLineId] === choice.sku}>
                  ${choice.isSame ? (choice.label ? this.text('sameVariant', { variant: choice.label }) : this.text('sameItem')) : choice.label}
                </option>`,
            )}
          </select>
        </label>`;
      })}
    </fieldset>`;
  }

  /** The SKU asked for in exchange of a line: the one chosen, or the same when there is no other. */
  private exchangeSkuOf(line: ReturnLineEligibility): string {
    return exchangeChoices(line).length === 1 ? line.sku : (this.exchangeSkus[line.orderLineId] ?? '');
  }

  private renderLine(line: ReturnLineEligibility) {
    const { t } = this.ctx;
    const quantity = this.quantities[line.orderLineId] ?? 0;
    return html`<div class="line" part="line">
      <span>
        <span class="title">${line.title}</span>
        ${line.variant ? html`<br /><span class="muted">${line.variant}</span>` : nothing}
        <br /><span class="muted">${t.money(line.unitPriceMinor)}</span>
        ${line.eligible
          ? line.deadline
            ? html`<br /><span class="muted">${this.text('until', { date: t.date(line.deadline) })}</span>`
            : nothing
          : html`<br /><span class="muted">${this.text('notReturnable')} — ${line.reason[t.locale]}</span>`}
      </span>
      ${line.eligible
        ? html`<span class="pick">
            <input
              type="checkbox"
              name="line"
              aria-label=${this.text('pickLine', { title: line.title })}
              .checked=${quantity > 0}
              @change=${(event: Event) => this.setQuantity(line, (event.target as HTMLInputElement).checked ? line.returnableQuantity : 0)}
            />
            ${quantity > 0 && line.returnableQuantity > 1
              ? html`<select
                  name="quantity"
                  aria-label=${this.text('quantityOf', { title: line.title })}
                  @change=${(event: Event) => this.setQuantity(line, Number((event.target as HTMLSelectElement).value))}
                >
                  ${Array.from({ length: line.returnableQuantity }, (_, index) => html`<option value=${index + 1} ?selected=${index + 1 === quantity}>${index + 1}</option>`)}
                </select>`
              : nothing}
          </span>`
        : nothing}
    </div>`;
  }

  private setQuantity(line: ReturnLineEligibility, quantity: number) {
    this.quantities = { ...this.quantities, [line.orderLineId]: quantity };
  }

  private toSummary(event: Event, eligibility: ReturnEligibility) {
    event.preventDefault();
    const methods = this.methodsFor(eligibility);
    const resolutions = this.resolutionsFor(eligibility).map((option) => option.value);
    if (!this.selectedLines(eligibility).length) this.formError = this.text('pickOne');
    else if (!this.method || !methods.includes(this.method) || !this.resolution || !resolutions.includes(this.resolution)) this.formError = this.text('pickMethod');
    else if (this.resolution === 'exchange' && this.selectedLines(eligibility).some(({ line }) => !this.exchangeSkuOf(line))) this.formError = this.text('pickExchange');
    else {
      this.formError = '';
      this.step = 'summary';
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h2')?.focus());
    }
  }

  private renderSummary(eligibility: ReturnEligibility) {
    const { t } = this.ctx;
    const amount = this.amountOf(eligibility);
    const credit = this.resolutionsFor(eligibility).find((option) => option.value === this.resolution);
    const preview = eligibility.refundPreview;
    return html`
      <h2 tabindex="-1">${this.text('summary')}</h2>
      <div class="box">
        <ul>
          ${this.selectedLines(eligibility).map(
            ({ line, quantity }) => html`<li>
              ${quantity} × <span class="title">${line.title}</span>${line.variant ? html` <span class="muted">(${line.variant})</span>` : nothing}
              ${this.resolution === 'exchange' ? html`<br />${this.text('exchangeTo', { variant: exchangeLabel(line, this.exchangeSkuOf(line)) })}` : nothing}
            </li>`,
          )}
        </ul>
        <p>${this.method ? this.text(`method.${this.method}`) : nothing}</p>
        <p>${credit?.label ?? nothing}</p>
        <p><strong>${this.text('amount', { amount: t.money(amount, eligibility.currency) })}</strong></p>
        ${this.resolution === 'exchange'
          ? nothing
          : html`<p>${preview.instant ? this.text('refundInstant') : this.text('refundDue', { hours: preview.dueHoursAfterReceipt, date: t.date(preview.legalLatestAt) })}</p>`}
      </div>
      ${this.formError ? html`<div class="error" part="error" role="alert"><p>${this.formError}</p></div>` : nothing}
      <div class="actions">
        <button class="button" part="button" ?disabled=${this.isSending} @click=${() => this.confirm(eligibility)}>
          ${this.isSending ? this.text('sending') : this.text('confirm')}
        </button>
        <button class="button secondary" part="button" ?disabled=${this.isSending} @click=${() => (this.step = 'form')}>${this.text('edit')}</button>
      </div>
    `;
  }

  private async confirm(eligibility: ReturnEligibility) {
    if (this.isSending) return;
    this.isSending = true;
    this.formError = '';
    const input: CreateReturnInput = {
      orderId: eligibility.orderId,
      lines: this.selectedLines(eligibility).map(({ line, quantity }) => ({
        orderLineId: line.orderLineId,
        quantity,
        ...(this.reason ? { reason: this.reason } : {}),
        ...(this.resolution === 'exchange' ? { exchangeSku: this.exchangeSkuOf(line) } : {}),
      })),
      method: this.method as Method,
      resolution: this.resolution as Resolution,
      ...(this.comment.trim() ? { comment: this.comment.trim() } : {}),
      idempotencyKey: this.idempotencyKey,
    };
    try {
      this.created = await this.ctx.api.mutation<CreatedReturn>('returns.widget.create', input);
      this.step = 'done';
      emit(this, 'comptoir-return-requested', { orderNumber: eligibility.orderNumber });
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h2')?.focus());
    } catch (error) {
      this.formError = describeError(error, this.ctx.t);
    } finally {
      this.isSending = false;
    }
  }

  private renderDone(created: CreatedReturn) {
    const { t } = this.ctx;
    return html`<div class="done">
      <h2 tabindex="-1">${this.text('done')}</h2>
      ${created.reviewNotice ? html`<p class="box">${created.reviewNotice[t.locale]}</p>` : nothing}
      <div class="box">
        <p class="code">${this.text('code', { code: created.code })}</p>
        <canvas aria-hidden="true" ${ref(this.drawQr(created.code))}></canvas>
        <p class="muted">${this.text('codeHint')}</p>
      </div>
      ${created.dropOff ? renderDropOff(created.dropOff, t.locale) : nothing}
      <div class="actions">
        <button class="button" part="button" @click=${() => this.ctx.navigate({ name: 'return', number: this.number, id: created.returnId })}>
          ${this.text('follow')}
        </button>
      </div>
    </div>`;
  }

  /** Draws the return's QR code once its canvas exists (the QR library is its own chunk). */
  private drawQr(text: string) {
    return (canvas: Element | undefined) => {
      if (!(canvas instanceof HTMLCanvasElement)) return;
      import('lean-qr')
        .then(({ generate }) => generate(text).toCanvas(canvas))
        .catch((error: unknown) => console.warn('[comptoir] QR code', error));
    };
  }
}

if (!customElements.get('comptoir-return-flow')) customElements.define('comptoir-return-flow', ComptoirReturnFlow);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-return-flow': ComptoirReturnFlow;
  }
}
