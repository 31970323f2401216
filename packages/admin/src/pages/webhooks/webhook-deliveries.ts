import { LitElement, css, html, nothing } from 'lit';
import { formatDateTime, LocaleController, t } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorMessageOf, type WebhookDelivery } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { eventTypeLabel } from './event-type-labels.js';

/**
 * The delivery log of one webhook endpoint, newest attempt first: attempt number, HTTP status, error,
 * duration and time, with "Send again" on the latest attempt of each message. Cards on a phone, a
 * table from 48rem.
 *
 * @csspart delivery - one attempt of the log
 */
export class ComptoirWebhookDeliveries extends LitElement {
  static override properties = {
    endpointId: {},
    deliveries: { state: true },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: grid;
        gap: 0.75rem;
        margin-top: 1rem;
      }
      h3 {
        font-size: 1rem;
        margin: 0;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      li {
        border-top: 1px solid var(--_border);
        padding-top: 0.5rem;
        display: grid;
        gap: 0.25rem;
      }
      li button {
        justify-self: start;
      }
      .error-text {
        color: var(--_danger);
        overflow-wrap: anywhere;
      }
      table {
        display: none;
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        text-align: left;
        padding: 0.4rem;
        border-bottom: 1px solid var(--_border);
        vertical-align: middle;
      }
      @media (min-width: 48rem) {
        ul {
          display: none;
        }
        table {
          display: table;
        }
      }
    `,
  ];

  /** The endpoint whose log this is. */
  declare endpointId: string;
  declare deliveries: WebhookDelivery[] | null;
  declare error: string;
  declare notice: string;
  declare busy: boolean;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.endpointId = '';
    this.deliveries = null;
    this.error = '';
    this.notice = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.deliveries = await api.webhooks.admin.deliveries.query({ endpointId: this.endpointId, limit: 50 });
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

  private async sendAgain(delivery: WebhookDelivery): Promise<void> {
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      await api.webhooks.admin.sendAgain.mutate({ outboxId: delivery.outboxId });
      this.notice = t('webhooks.sendAgain.done');
      await this.load();
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    } finally {
      this.busy = false;
    }
  }

  /** The latest attempt of each message carries its "Send again" (the list is newest first). */
  private latestAttempts(deliveries: WebhookDelivery[]): ReadonlySet<string> {
    const seen = new Set<string>();
    const latest = new Set<string>();
    for (const delivery of deliveries) {
      if (seen.has(delivery.outboxId)) continue;
      seen.add(delivery.outboxId);
      latest.add(delivery.id);
    }
    return latest;
  }

  private status(delivery: WebhookDelivery): string {
    return delivery.statusCode === null ? t('webhooks.delivery.noResponse') : String(delivery.statusCode);
  }

  private sendAgainButton(delivery: WebhookDelivery, latest: ReadonlySet<string>) {
    if (!latest.has(delivery.id)) return nothing;
    // A message still waiting in the queue will be tried anyway: the server refuses to queue it twice.
    if (delivery.messageStatus === 'pending') return html`<span class="muted">${t('webhooks.delivery.queued')}</span>`;
    return html`<button
      type="button"
      class="secondary"
      ?disabled=${this.busy}
      aria-label=${t('webhooks.sendAgain.label', { event: eventTypeLabel(delivery.eventType ?? ''), date: formatDateTime(delivery.createdAt) })}
      @click=${() => this.sendAgain(delivery)}
    >
      ${t('webhooks.sendAgain')}
    </button>`;
  }

  private renderLog(deliveries: WebhookDelivery[]) {
    if (deliveries.length === 0) return html`<p class="muted">${t('webhooks.delivery.empty')}</p>`;
    const latest = this.latestAttempts(deliveries);
    return html`
      <ul>
        ${deliveries.map(
          (delivery) => html`<li part="delivery">
            <strong>${eventTypeLabel(delivery.eventType ?? '')} · ${t('webhooks.delivery.attempt', { attempt: delivery.attempt })}</strong>
            <span>${t('webhooks.delivery.status')}: ${this.status(delivery)} · ${t('webhooks.delivery.duration', { ms: delivery.durationMs ?? '–' })}</span>
            ${delivery.error ? html`<span class="error-text">${delivery.error}</span>` : nothing}
            <span class="muted">${formatDateTime(delivery.createdAt)}</span>
            ${this.sendAgainButton(delivery, latest)}
          </li>`,
        )}
      </ul>
      <table>
        <caption class="visually-hidden">${t('webhooks.log')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('webhooks.delivery.event')}</th>
            <th scope="col">${t('webhooks.delivery.attemptColumn')}</th>
            <th scope="col">${t('webhooks.delivery.status')}</th>
            <th scope="col">${t('webhooks.delivery.error')}</th>
            <th scope="col">${t('webhooks.delivery.durationColumn')}</th>
            <th scope="col">${t('webhooks.delivery.time')}</th>
            <th scope="col"><span class="visually-hidden">${t('webhooks.sendAgain')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${deliveries.map(
            (delivery) => html`<tr part="delivery">
              <td>${eventTypeLabel(delivery.eventType ?? '')}</td>
              <td>${delivery.attempt}</td>
              <td>${this.status(delivery)}</td>
              <td class="error-text">${delivery.error ?? ''}</td>
              <td>${t('webhooks.delivery.duration', { ms: delivery.durationMs ?? '–' })}</td>
              <td>${formatDateTime(delivery.createdAt)}</td>
              <td>${this.sendAgainButton(delivery, latest)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }

  override render() {
    void this.locale;
    return html`
      <div class="head">
        <h3>${t('webhooks.log')}</h3>
        <button type="button" class="secondary" @click=${() => this.load()}>${t('webhooks.delivery.refresh')}</button>
      </div>
      ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
      ${this.notice ? html`<p class="alert success" role="status">${this.notice}</p>` : nothing}
      ${this.deliveries === null ? html`<p class="muted" role="status">${t('app.loading')}</p>` : this.renderLog(this.deliveries)}
    `;
  }
}

customElements.define('comptoir-webhook-deliveries', ComptoirWebhookDeliveries);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-webhook-deliveries': ComptoirWebhookDeliveries;
  }
}
