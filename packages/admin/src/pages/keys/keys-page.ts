import { LitElement, css, html, nothing } from 'lit';
import { formatDateTime, LocaleController, t } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorMessageOf, type ApiKeyRow } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import '../../components/copy-field.js';
import { widgetSnippet } from '../settings/widget-snippet.js';

type KeyKind = 'publishable' | 'secret';

/**
 * The shop's API keys (owners only): see them by their first characters, make a new one (shown
 * once, the old ones of that kind revoked), revoke one.
 *
 * @csspart key - one key of the list
 */
export class ComptoirKeysPage extends LitElement {
  static override properties = {
    keys: { state: true },
    error: { state: true },
    newKey: { state: true },
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
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: grid;
        gap: 0.25rem;
        padding: 0.75rem 0;
        border-top: 1px solid var(--_border);
      }
      li:first-child {
        border-top: 0;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.2rem 0.75rem;
        margin: 0;
      }
      dt {
        color: var(--_muted);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      code {
        font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
      }
      .revoked {
        color: var(--_muted);
      }
      li button {
        justify-self: start;
      }
      @media (min-width: 48rem) {
        li {
          grid-template-columns: 1fr auto;
          align-items: center;
        }
        dl {
          grid-template-columns: repeat(2, max-content 1fr);
        }
      }
    `,
  ];

  declare keys: ApiKeyRow[] | null;
  declare error: string;
  declare newKey: { kind: KeyKind; plaintext: string } | null;
  declare busy: boolean;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.keys = null;
    this.error = '';
    this.newKey = null;
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.keys = await api.shops.admin.listKeys.query();
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

  private kindLabel(kind: string): string {
    return kind === 'secret' ? t('keys.kind.secret') : t('keys.kind.publishable');
  }

  private async rotate(kind: KeyKind): Promise<void> {
    if (!confirm(t('keys.rotate.confirm', { kind: this.kindLabel(kind) }))) return;
    this.busy = true;
    this.error = '';
    try {
      const rotated = await api.shops.admin.rotateKey.mutate({ kind });
      this.newKey = { kind, plaintext: rotated.plaintext };
      await this.load();
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    } finally {
      this.busy = false;
    }
  }

  private async revoke(key: ApiKeyRow): Promise<void> {
    if (!confirm(t('keys.revoke.confirm', { prefix: key.displayPrefix }))) return;
    this.error = '';
    try {
      await api.shops.admin.revokeKey.mutate({ keyId: key.id });
      await this.load();
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

  override render() {
    void this.locale;
    return html`
      <h1>${t('keys.title')}</h1>
      <p class="muted">${t('keys.intro')}</p>
      ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
      ${this.newKey
        ? html`<section class="card" role="status" aria-labelledby="new-key">
            <p id="new-key" class="alert success">${t('keys.newKey')}</p>
            <p><comptoir-copy-field .value=${this.newKey.plaintext} label=${this.kindLabel(this.newKey.kind)}></comptoir-copy-field></p>
            ${this.newKey.kind === 'publishable'
              ? html`<p class="hint">${t('settings.widget.snippet.intro')}</p>
                  <p><comptoir-copy-field .value=${widgetSnippet(location.origin, this.newKey.plaintext)} label=${t('settings.widget.snippet.label')}></comptoir-copy-field></p>`
              : nothing}
            <button type="button" class="secondary" @click=${() => (this.newKey = null)}>${t('keys.newKey.dismiss')}</button>
          </section>`
        : nothing}
      <div class="actions">
        ${(['publishable', 'secret'] as const).map(
          (kind) =>
            html`<button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.rotate(kind)}>
              ${t('keys.rotate', { kind: this.kindLabel(kind) })}
            </button>`,
        )}
      </div>
      <section class="card">
        ${this.keys === null
          ? html`<p class="muted">${t('app.loading')}</p>`
          : html`<ul>
              ${this.keys.map(
                (key) => html`
                  <li part="key" class=${key.revokedAt ? 'revoked' : ''}>
                    <dl>
                      <dt>${t('keys.column.kind')}</dt>
                      <dd>${this.kindLabel(key.kind)}</dd>
                      <dt>${t('keys.column.prefix')}</dt>
                      <dd><code>${key.displayPrefix}…</code></dd>
                      <dt>${t('keys.column.created')}</dt>
                      <dd>${formatDateTime(key.createdAt)}</dd>
                      <dt>${t('keys.column.lastUsed')}</dt>
                      <dd>${key.lastUsedAt ? formatDateTime(key.lastUsedAt) : t('keys.never')}</dd>
                      <dt>${t('keys.column.status')}</dt>
                      <dd>
                        ${key.revokedAt
                          ? t('keys.status.revoked', { date: formatDateTime(key.revokedAt) })
                          : t('keys.status.active')}
                      </dd>
                    </dl>
                    ${key.revokedAt
                      ? nothing
                      : html`<button type="button" class="danger" @click=${() => this.revoke(key)}>
                          ${t('keys.revoke', { prefix: key.displayPrefix })}
                        </button>`}
                  </li>
                `,
              )}
            </ul>`}
      </section>
    `;
  }
}

customElements.define('comptoir-keys-page', ComptoirKeysPage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-keys-page': ComptoirKeysPage;
  }
}
