import { LitElement, html, css, nothing } from 'lit';
import { Task } from '@lit/task';
import { statusLabel } from '@comptoir/protocol/status/machine';
import { claimMachine } from '@comptoir/protocol/status/claim-status';
import type { ClaimDetail } from '../../controllers/api-types.js';
import { describeError, type WidgetContext } from '../../controllers/widget-context.js';
import { caseText, isCaseTextKey, type CaseTextKey } from '../../i18n/cases.js';
import { spokenDeadline } from '../../i18n/returns.js';
import { fetchAttachmentUrl } from '../attachments.js';
import { controls, tokens } from '../styles.js';
import { statusStyles } from '../status-badge.js';
import { caseStyles } from '../case-styles.js';
import '../case-rating/case-rating.js';
import { canRateClaim, describeClaimEvent, refundStatusLabel } from './claim-rules.js';

/** A photo fetched for display: its Blob URL, and a `data:` URL for pages that refuse `blob:`. */
interface LoadedPhoto {
  blobUrl: string;
  dataUrl: string;
  isBlobRefused: boolean;
}

/**
 * One claim as the shopper follows it: its status, the shop's next deadline, the description and
 * photos (fetched through `cases.widget.attachment`, shown from Blob URLs revoked on disconnect),
 * the history with the server's reasons for automatic decisions, refunds, and a rating once
 * settled. Loaded on demand, with the return screens' chunk.
 *
 * @csspart status - the status badge
 * @csspart timeline - the history
 * @csspart button - the buttons
 * @csspart error - error messages
 */
export class ComptoirClaimCase extends LitElement {
  static override properties = {
    ctx: { attribute: false },
    claimId: { attribute: false },
    isNew: { attribute: false },
    photos: { state: true },
    notice: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    statusStyles,
    caseStyles,
    css`
      .photos {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(120px, 1fr));
        gap: 0.5rem;
      }
      .photos img {
        width: 100%;
        aspect-ratio: 1;
        object-fit: cover;
        border-radius: calc(var(--_radius) / 2);
        background: var(--_surface);
      }
      ol.history {
        padding-inline-start: 1.2rem;
        list-style: decimal;
      }
    `,
  ];

  declare ctx: WidgetContext;
  declare claimId: string;
  /** Set right after the shopper opened the claim: the screen confirms it. */
  declare isNew: boolean;
  /** The photos by attachment id: `''` while loading, `null` when it failed. */
  declare photos: Record<string, LoadedPhoto | null | ''>;
  declare notice: string;

  constructor() {
    super();
    this.claimId = '';
    this.isNew = false;
    this.photos = {};
    this.notice = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const photo of Object.values(this.photos)) if (photo) URL.revokeObjectURL(photo.blobUrl);
    this.photos = {};
  }

  private readonly detail = new Task(this, {
    task: async ([ctx, claimId]) => {
      if (!ctx || !claimId) return undefined;
      const detail = await ctx.api.query<ClaimDetail>('claims.widget.detail', { claimId });
      void this.loadPhotos(detail);
      return detail;
    },
    args: () => [this.ctx, this.claimId] as const,
  });

  private text(key: CaseTextKey, params?: Record<string, string | number>) {
    return caseText(this.ctx.t.locale, key, params);
  }

  /** Fetches each photo not fetched yet; one failing photo leaves the others. */
  private async loadPhotos(detail: ClaimDetail) {
    const missing = detail.photos.filter((photo) => !(photo.id in this.photos));
    this.photos = { ...this.photos, ...Object.fromEntries(missing.map((photo) => [photo.id, ''])) };
    await Promise.all(
      missing.map(async (photo) => {
        let loaded: LoadedPhoto | null = null;
        try {
          const { url, file } = await fetchAttachmentUrl(this.ctx.api, photo.id);
          loaded = { blobUrl: url, dataUrl: `data:${file.contentType};base64,${file.dataBase64}`, isBlobRefused: false };
        } catch {
          loaded = null;
        }
        if (!this.isConnected) {
          if (loaded) URL.revokeObjectURL(loaded.blobUrl);
          return;
        }
        this.photos = { ...this.photos, [photo.id]: loaded };
      }),
    );
  }

  override render() {
    const { t } = this.ctx;
    return this.detail.render({
      pending: () => html`<div class="skeleton" aria-busy="true" aria-label=${t.t('loading')}></div>`,
      error: (error) =>
        html`<div class="error" part="error" role="alert">
          <p>${describeError(error, t)}</p>
          <button class="button secondary" part="button" @click=${() => this.detail.run()}>${t.t('retry')}</button>
        </div>`,
      complete: (detail) => (detail ? this.renderCase(detail) : nothing),
    });
  }

  private renderCase(claim: ClaimDetail) {
    const { t } = this.ctx;
    const locale = t.locale;
    const kindKey = `claim.${claim.kind}`;
    const kind = isCaseTextKey(kindKey) ? caseText(locale, kindKey) : claim.kind;
    const deadline = claim.nextDeadlineAt ? spokenDeadline(locale, claim.nextDeadlineAt, this.ctx.shop.timeZone) : null;
    return html`
      ${this.isNew ? html`<p class="box" role="status">${this.text('claimOpened')}${deadline ? html` ${this.text('answerBy', { date: deadline })}` : nothing}</p>` : nothing}
      <section>
        <div class="head">
          <h2>${this.text('claimTitle', { kind })}</h2>
          <span class="status" part="status">${statusLabel(claimMachine, claim.status, locale)}</span>
        </div>
        <p class="muted">${t.t('orderLabel', { number: claim.order.number })} · ${this.text('openedOn', { date: t.date(claim.openedAt) })}</p>
      </section>
      ${deadline && !this.isNew
        ? html`<section class="box" aria-labelledby="deadline">
            <h3 id="deadline">${this.text('nextDeadline')}</h3>
            <p>${this.text('answerBy', { date: deadline })}</p>
          </section>`
        : nothing}
      ${claim.description
        ? html`<section>
            <h3>${this.text('description')}</h3>
            <p class="text">${claim.description}</p>
          </section>`
        : nothing}
      ${claim.photos.length
        ? html`<section>
            <h3>${this.text('photosTitle')}</h3>
            <ul class="photos">
              ${claim.photos.map((photo, index) => {
                const loaded = this.photos[photo.id];
                const alt = this.text('photoAlt', { index: index + 1, name: photo.filename });
                if (loaded) {
                  return html`<li>
                    <img
                      src=${loaded.isBlobRefused ? loaded.dataUrl : loaded.blobUrl}
                      alt=${alt}
                      width="120"
                      height="120"
                      @error=${() => this.refuseBlob(photo.id)}
                    />
                  </li>`;
                }
                if (loaded === null) return html`<li class="muted">${this.text('photoError', { name: photo.filename })}</li>`;
                return html`<li><div class="skeleton" aria-busy="true" aria-label=${alt}></div></li>`;
              })}
            </ul>
          </section>`
        : nothing}
      <section>
        <h3>${this.text('history')}</h3>
        <ol class="history" part="timeline">
          ${[...claim.events].reverse().map((event) => {
            const { title, reason } = describeClaimEvent(locale, event);
            return html`<li>
              <strong>${title}</strong>${reason ? html` — <span class="reason">${reason}</span>` : nothing}
              <br /><time class="muted" datetime=${event.occurredAt}>${t.dateTime(event.occurredAt)}</time>
            </li>`;
          })}
        </ol>
      </section>
      ${claim.refunds.length
        ? html`<section>
            <h3>${this.text('refunds')}</h3>
            <ul>
              ${claim.refunds.map((refund) => html`<li>${t.money(refund.amountMinor, refund.currency)} · <span class="muted">${refundStatusLabel(locale, refund.status)}</span></li>`)}
            </ul>
          </section>`
        : nothing}
      ${this.notice ? html`<p class="box" role="status">${this.notice}</p>` : nothing}
      ${canRateClaim(claim)
        ? html`<comptoir-case-rating .ctx=${this.ctx} .send=${(rating: number, comment: string) => this.rate(claim, rating, comment)}></comptoir-case-rating>`
        : nothing}
      ${claim.rating ? html`<p>${this.text('rated', { count: claim.rating })}</p>` : nothing}
    `;
  }

  /**
   * A page whose Content-Security-Policy has no `blob:` in `img-src` refuses Blob URLs: the photo
   * is then shown from a `data:` URL (most policies allow it), and only once, so a broken file does not loop.
   */
  private refuseBlob(id: string) {
    const loaded = this.photos[id];
    if (!loaded || loaded.isBlobRefused) return;
    this.photos = { ...this.photos, [id]: { ...loaded, isBlobRefused: true } };
  }

  private async rate(claim: ClaimDetail, rating: number, comment: string) {
    await this.ctx.api.mutation('claims.widget.rate', { claimId: claim.id, rating, comment: comment || null });
    this.notice = this.text('thanks');
    await this.detail.run();
  }
}

if (!customElements.get('comptoir-claim-case')) customElements.define('comptoir-claim-case', ComptoirClaimCase);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-claim-case': ComptoirClaimCase;
  }
}
