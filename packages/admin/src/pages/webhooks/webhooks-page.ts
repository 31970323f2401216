import { LitElement, css, html, nothing } from 'lit';
import { formatDateTime, LocaleController, t } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorMessageOf, type WebhookEndpoint } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { eventTypeLabel, selectedEventTypes, type WebhookEventType } from './event-type-labels.js';
import '../../components/copy-field.js';
import './webhook-deliveries.js';

/**
 * The shop's webhook endpoints (owners only): subscribe a URL to event types (its `whsec_` signing
 * secret shown once), turn an endpoint off or on, change its event types, delete it, and open its
 * delivery log.
 *
 * @csspart endpoint - one endpoint of the list
 */
export class ComptoirWebhooksPage extends LitElement {
  static override properties = {
    endpoints: { state: true },
    eventTypes: { state: true },
    error: { state: true },
    notice: { state: true },
    newSecret: { state: true },
    editing: { state: true },
    logOf: { state: true },
    busy: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: grid;
        gap: 1.25rem;
      }
      h1 {
        margin: 0;
      }
      fieldset {
        border: 1px solid var(--_border);
        border-radius: calc(var(--_radius) - 4px);
        margin: 0;
        padding: 0.75rem;
        min-width: 0;
      }
      legend {
        font-weight: 600;
        padding: 0 0.25rem;
      }
      .checks {
        display: grid;
        gap: 0.25rem 1rem;
      }
      .check {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        min-height: 44px;
        font-weight: 400;
      }
      .check input {
        width: 22px;
        min-height: 22px;
        height: 22px;
        flex: none;
      }
      ul.endpoints {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      .url {
        font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
        overflow-wrap: anywhere;
        margin: 0 0 0.5rem;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem 0.75rem;
        margin: 0 0 0.75rem;
      }
      dt {
        color: var(--_muted);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .failing {
        color: var(--_danger);
        font-weight: 600;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      @media (min-width: 48rem) {
        .checks {
          grid-template-columns: repeat(2, minmax(0, 1fr));
        }
      }
    `,
  ];

  declare endpoints: WebhookEndpoint[] | null;
  declare eventTypes: WebhookEventType[];
  declare error: string;
  declare notice: string;
  declare newSecret: { url: string; secret: string } | null;
  /** The endpoint whose event types are being changed. */
  declare editing: string | null;
  /** The endpoint whose delivery log is open. */
  declare logOf: string | null;
  declare busy: boolean;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.endpoints = null;
    this.eventTypes = [];
    this.error = '';
    this.notice = '';
    this.newSecret = null;
    this.editing = null;
    this.logOf = null;
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private fail(error: unknown): void {
    session.handleError(error);
    this.error = errorMessageOf(error);
  }

  private async load(): Promise<void> {
    try {
      const [eventTypes, endpoints] = await Promise.all([api.webhooks.admin.eventTypes.query(), api.webhooks.admin.list.query()]);
      this.eventTypes = eventTypes;
      this.endpoints = endpoints;
    } catch (error) {
      this.fail(error);
    }
  }

  /** Runs a change, showing its outcome; the list is read again after it. */
  private async run(change: () => Promise<unknown>, done: string): Promise<boolean> {
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      await change();
      this.notice = done;
      this.endpoints = await api.webhooks.admin.list.query();
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const formElement = event.target as HTMLFormElement;
    const form = new FormData(formElement);
    const eventTypes = selectedEventTypes(form, this.eventTypes);
    if (eventTypes.length === 0) {
      this.error = t('webhooks.pickOne');
      return;
    }
    const url = String(form.get('url') ?? '').trim();
    let secret = '';
    const isDone = await this.run(async () => {
      secret = (await api.webhooks.admin.create.mutate({ url, eventTypes })).secret;
    }, t('webhooks.created'));
    if (isDone) {
      this.newSecret = { url, secret };
      formElement.reset();
    }
  }

  private async saveEventTypes(event: SubmitEvent, endpoint: WebhookEndpoint): Promise<void> {
    event.preventDefault();
    const eventTypes = selectedEventTypes(new FormData(event.target as HTMLFormElement), this.eventTypes);
    if (eventTypes.length === 0) {
      this.error = t('webhooks.pickOne');
      return;
    }
    if (await this.run(() => api.webhooks.admin.update.mutate({ id: endpoint.id, eventTypes }), t('webhooks.updated'))) {
      this.editing = null;
    }
  }

  private toggle(endpoint: WebhookEndpoint): void {
    void this.run(
      () => api.webhooks.admin.update.mutate({ id: endpoint.id, enabled: !endpoint.enabled }),
      endpoint.enabled ? t('webhooks.disabled') : t('webhooks.enabled'),
    );
  }

  private deleteEndpoint(endpoint: WebhookEndpoint): void {
    if (!confirm(t('webhooks.delete.confirm', { url: endpoint.url }))) return;
    if (this.logOf === endpoint.id) this.logOf = null;
    void this.run(() => api.webhooks.admin.delete.mutate({ id: endpoint.id }), t('webhooks.deleted'));
  }

  private renderChecks(idPrefix: string, checked: ReadonlySet<string>) {
    return html`<div class="checks">
      ${this.eventTypes.map(
        (type) => html`<label class="check">
          <input type="checkbox" name="eventTypes" value=${type} id=${`${idPrefix}-${type}`} ?checked=${checked.has(type)} />
          <span>${eventTypeLabel(type)} <code class="muted">${type}</code></span>
        </label>`,
      )}
    </div>`;
  }

  private renderEndpoint(endpoint: WebhookEndpoint) {
    const isEditing = this.editing === endpoint.id;
    const isLogOpen = this.logOf === endpoint.id;
    return html`<li class="card" part="endpoint">
      <p class="url">${endpoint.url}</p>
      <dl>
        <dt>${t('webhooks.column.events')}</dt>
        <dd>${endpoint.eventTypes.map((type) => eventTypeLabel(type)).join(', ')}</dd>
        <dt>${t('webhooks.column.status')}</dt>
        <dd>${endpoint.enabled ? t('webhooks.status.enabled') : t('webhooks.status.disabled')}</dd>
        <dt>${t('webhooks.column.failingSince')}</dt>
        <dd class=${endpoint.failingSince ? 'failing' : ''}>
          ${endpoint.failingSince ? formatDateTime(endpoint.failingSince) : t('webhooks.notFailing')}
        </dd>
      </dl>
      ${isEditing
        ? html`<form @submit=${(event: SubmitEvent) => this.saveEventTypes(event, endpoint)}>
            <fieldset>
              <legend>${t('webhooks.events')}</legend>
              ${this.renderChecks(`edit-${endpoint.id}`, new Set(endpoint.eventTypes))}
            </fieldset>
            <div class="actions">
              <button type="submit" ?disabled=${this.busy}>${t('webhooks.saveEvents')}</button>
              <button type="button" class="secondary" @click=${() => (this.editing = null)}>${t('action.cancel')}</button>
            </div>
          </form>`
        : nothing}
      <div class="actions">
        <button type="button" class="secondary" data-action="log" aria-expanded=${isLogOpen ? 'true' : 'false'} @click=${() => (this.logOf = isLogOpen ? null : endpoint.id)}>
          ${t('webhooks.log')}
        </button>
        ${isEditing
          ? nothing
          : html`<button type="button" class="secondary" @click=${() => (this.editing = endpoint.id)}>${t('webhooks.editEvents')}</button>`}
        <button type="button" class="secondary" data-action="toggle" ?disabled=${this.busy} @click=${() => this.toggle(endpoint)}>
          ${endpoint.enabled ? t('webhooks.disable') : t('webhooks.enable')}
        </button>
        <button type="button" class="danger" data-action="delete" ?disabled=${this.busy} @click=${() => this.deleteEndpoint(endpoint)}>${t('webhooks.delete')}</button>
      </div>
      ${isLogOpen ? html`<comptoir-webhook-deliveries .endpointId=${endpoint.id}></comptoir-webhook-deliveries>` : nothing}
    </li>`;
  }

  override render() {
    void this.locale;
    return html`
      <h1>${t('webhooks.title')}</h1>
      <p class="muted">${t('webhooks.intro')}</p>
      ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
      ${this.notice ? html`<p class="alert success" role="status">${this.notice}</p>` : nothing}
      ${this.newSecret
        ? html`<section class="card" aria-labelledby="new-secret">
            <p id="new-secret" class="alert success">${t('webhooks.secret', { url: this.newSecret.url })}</p>
            <p><comptoir-copy-field .value=${this.newSecret.secret} label=${t('webhooks.secret.label')}></comptoir-copy-field></p>
            <button type="button" class="secondary" @click=${() => (this.newSecret = null)}>${t('webhooks.secret.dismiss')}</button>
          </section>`
        : nothing}
      <section class="card" aria-labelledby="create-title">
        <h2 id="create-title">${t('webhooks.create.title')}</h2>
        <form @submit=${this.create}>
          <div class="field">
            <label for="webhook-url">${t('webhooks.url')}</label>
            <input id="webhook-url" name="url" type="url" inputmode="url" autocomplete="off" required maxlength="2000" aria-describedby="webhook-url-hint" placeholder="https://" />
            <p class="hint" id="webhook-url-hint">${t('webhooks.url.hint')}</p>
          </div>
          <fieldset>
            <legend>${t('webhooks.events')}</legend>
            ${this.renderChecks('create', new Set())}
          </fieldset>
          <div><button type="submit" ?disabled=${this.busy}>${t('webhooks.create.submit')}</button></div>
        </form>
      </section>
      <section aria-labelledby="endpoints-title">
        <h2 id="endpoints-title">${t('webhooks.list.title')}</h2>
        ${this.endpoints === null
          ? html`<p class="muted" role="status">${t('app.loading')}</p>`
          : this.endpoints.length === 0
            ? html`<p class="card">${t('webhooks.empty')}</p>`
            : html`<ul class="endpoints">${this.endpoints.map((endpoint) => this.renderEndpoint(endpoint))}</ul>`}
      </section>
    `;
  }
}

customElements.define('comptoir-webhooks-page', ComptoirWebhooksPage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-webhooks-page': ComptoirWebhooksPage;
  }
}
