import { LitElement, css, html, nothing } from 'lit';
import { shopProfileInput, type ShopProfileInput } from '@comptoir/protocol/schemas/shop-settings';
import { currentLocale, LocaleController, t, type MessageKey } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorCodeOf, errorMessageOf } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { normalizeHexColor } from './brand-color.js';
import type { ShopSettings } from './settings-types.js';
import './widget-preview.js';

/** The `comptoir-shop-profile-saved` event's detail: the shop as the server kept it. */
export interface ShopProfileSavedDetail {
  shop: ShopSettings;
}

type ProfileField = keyof ShopProfileInput;

/** The profile as the inputs hold it: text everywhere, empty for "none". */
interface ProfileDraft {
  name: string;
  locale: 'fr' | 'en';
  timeZone: string;
  country: string;
  brandColor: string;
  logoUrl: string;
  emailFrom: string;
  emailReplyTo: string;
}

const fieldIds: Record<ProfileField, string> = {
  name: 'shop-name',
  locale: 'shop-locale',
  timeZone: 'shop-time-zone',
  country: 'shop-country',
  brandColor: 'shop-brand-color',
  logoUrl: 'shop-logo-url',
  emailFrom: 'shop-email-from',
  emailReplyTo: 'shop-email-reply-to',
};

const fieldErrors: Record<ProfileField, MessageKey> = {
  name: 'settings.profile.error.name',
  locale: 'settings.profile.error.locale',
  timeZone: 'settings.profile.error.timeZone',
  country: 'settings.profile.error.country',
  brandColor: 'settings.profile.error.brandColor',
  logoUrl: 'settings.profile.error.logoUrl',
  emailFrom: 'settings.profile.error.email',
  emailReplyTo: 'settings.profile.error.email',
};

/** Every IANA time zone the browser knows, with the shop's own first if the list lacks it (UTC in some engines). */
function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

function countryName(code: string): string {
  if (!/^[A-Za-z]{2}$/.test(code)) return '';
  try {
    return new Intl.DisplayNames([currentLocale()], { type: 'region' }).of(code.toUpperCase()) ?? '';
  } catch {
    return '';
  }
}

function draftOf(shop: ShopSettings): ProfileDraft {
  return {
    name: shop.name,
    locale: shop.locale === 'en' ? 'en' : 'fr',
    timeZone: shop.timeZone,
    country: shop.country,
    brandColor: shop.brandColor ?? '',
    logoUrl: shop.logoUrl ?? '',
    emailFrom: shop.emailFrom ?? '',
    emailReplyTo: shop.emailReplyTo ?? '',
  };
}

/** What the server takes: empty optional fields become null. */
function inputOf(draft: ProfileDraft): ShopProfileInput {
  const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    name: draft.name,
    locale: draft.locale,
    timeZone: draft.timeZone,
    country: draft.country,
    brandColor: orNull(draft.brandColor),
    logoUrl: orNull(draft.logoUrl),
    emailFrom: orNull(draft.emailFrom),
    emailReplyTo: orNull(draft.emailReplyTo),
  };
}

/**
 * The shop's profile: name, language, time zone, country, brand colour (with a live preview of the
 * widget), logo, and the sender of its emails. The currency is shown, not editable. Owners change it;
 * for staff every field is read-only.
 *
 * @fires comptoir-shop-profile-saved - after a save, with the shop as the server kept it
 * @csspart form - the profile form
 */
export class ComptoirShopProfileForm extends LitElement {
  static override properties = {
    shop: { attribute: false },
    canEdit: { type: Boolean, attribute: 'can-edit' },
    draft: { state: true },
    errors: { state: true },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
    isLogoBroken: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      .grid {
        display: grid;
        gap: 1rem;
        min-width: 0;
        align-items: start;
      }
      fieldset {
        border: 1px solid var(--_border);
        border-radius: calc(var(--_radius) - 4px);
        margin: 0;
        padding: 0.75rem;
        min-width: 0;
        display: grid;
        gap: 0.75rem;
      }
      fieldset.plain {
        border: 0;
        padding: 0;
      }
      legend {
        font-weight: 700;
        padding: 0 0.25rem;
      }
      .color {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .color input[type='color'] {
        width: 56px;
        padding: 0.2rem;
      }
      .color input[type='text'] {
        flex: 1 1 8rem;
        width: auto;
        font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
      }
      .logo {
        max-width: 12rem;
        max-height: 4rem;
        object-fit: contain;
        border: 1px solid var(--_border);
        border-radius: calc(var(--_radius) - 4px);
        padding: 0.25rem;
        background: #fff;
      }
      .field-error {
        color: var(--_danger);
        margin: 0;
        font-weight: 600;
      }
      .readonly {
        margin: 0;
      }
      @media (min-width: 48rem) {
        .grid.two {
          grid-template-columns: repeat(2, minmax(0, 1fr));
        }
      }
    `,
  ];

  /** The shop as the server has it. */
  declare shop: ShopSettings | null;
  /** Whether the signed-in person may change it (owners). */
  declare canEdit: boolean;
  declare draft: ProfileDraft | null;
  declare errors: Partial<Record<ProfileField, string>>;
  declare error: string;
  declare notice: string;
  declare busy: boolean;
  declare isLogoBroken: boolean;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.shop = null;
    this.canEdit = false;
    this.draft = null;
    this.errors = {};
    this.error = '';
    this.notice = '';
    this.busy = false;
    this.isLogoBroken = false;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('shop')) this.draft = this.shop ? draftOf(this.shop) : null;
  }

  private patch(patch: Partial<ProfileDraft>): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, ...patch };
    this.notice = '';
    const fields = Object.keys(patch) as ProfileField[];
    if (fields.some((field) => this.errors[field])) {
      const errors = { ...this.errors };
      for (const field of fields) delete errors[field];
      this.errors = errors;
    }
    if ('logoUrl' in patch) this.isLogoBroken = false;
  }

  /** The field each refused value belongs to, from the protocol's schema issues. */
  private errorsOf(paths: readonly (readonly PropertyKey[])[]): Partial<Record<ProfileField, string>> {
    const errors: Partial<Record<ProfileField, string>> = {};
    for (const path of paths) {
      const field = path[0] as ProfileField;
      if (field in fieldErrors) errors[field] ??= t(fieldErrors[field]);
    }
    return errors;
  }

  private async focusFirstError(): Promise<void> {
    await this.updateComplete;
    const first = (Object.keys(fieldIds) as ProfileField[]).find((field) => this.errors[field]);
    if (first) this.renderRoot.querySelector<HTMLElement>(`#${fieldIds[first]}`)?.focus();
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.draft || !this.canEdit) return;
    this.error = '';
    this.notice = '';
    const parsed = shopProfileInput.safeParse(inputOf(this.draft));
    if (!parsed.success) {
      this.errors = this.errorsOf(parsed.error.issues.map((issue) => issue.path));
      this.error = t('settings.form.fix');
      await this.focusFirstError();
      return;
    }
    this.errors = {};
    this.busy = true;
    try {
      const shop = await api.shops.admin.updateProfile.mutate(parsed.data);
      this.shop = shop;
      this.notice = t('settings.profile.saved');
      this.dispatchEvent(new CustomEvent<ShopProfileSavedDetail>('comptoir-shop-profile-saved', { detail: { shop }, bubbles: true, composed: true }));
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
      if (errorCodeOf(error) === 'INVALID_INPUT') {
        const issues = String((error as { data?: { params?: { issues?: string } } }).data?.params?.issues ?? '');
        this.errors = this.errorsOf(issues.split('; ').map((part) => [part.split(':')[0] ?? '']));
        await this.focusFirstError();
      }
    } finally {
      this.busy = false;
    }
  }

  /** The ids an input is described by: its hint and, when refused, its error. */
  private describedBy(field: ProfileField, hint = false): string {
    return [hint ? `${fieldIds[field]}-hint` : '', this.errors[field] ? `${fieldIds[field]}-error` : ''].filter(Boolean).join(' ');
  }

  private fieldError(field: ProfileField) {
    const message = this.errors[field];
    return message ? html`<p class="field-error" id=${`${fieldIds[field]}-error`}>${message}</p>` : nothing;
  }

  private textField(field: 'name' | 'logoUrl' | 'emailFrom' | 'emailReplyTo', label: string, options: { type?: string; hint?: string; autocomplete?: string; required?: boolean }) {
    const id = fieldIds[field];
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type=${options.type ?? 'text'}
        autocomplete=${options.autocomplete ?? 'off'}
        ?required=${options.required ?? false}
        maxlength=${field === 'name' ? 120 : 2048}
        .value=${this.draft![field]}
        aria-invalid=${this.errors[field] ? 'true' : 'false'}
        aria-describedby=${this.describedBy(field, Boolean(options.hint)) || nothing}
        @input=${(event: Event) => this.patch({ [field]: (event.target as HTMLInputElement).value })}
      />
      ${options.hint ? html`<p class="hint" id=${`${id}-hint`}>${options.hint}</p>` : nothing}
      ${this.fieldError(field)}
    </div>`;
  }

  private renderBrand(draft: ProfileDraft) {
    const color = normalizeHexColor(draft.brandColor);
    const id = fieldIds.brandColor;
    return html`<fieldset>
      <legend>${t('settings.profile.looks')}</legend>
      <div class="field">
        <label for=${id}>${t('settings.profile.brandColor')}</label>
        <div class="color">
          <input
            type="color"
            id="shop-brand-color-picker"
            aria-label=${t('settings.profile.brandColor.picker')}
            .value=${color ?? '#2f5d50'}
            @input=${(event: Event) => this.patch({ brandColor: (event.target as HTMLInputElement).value })}
          />
          <input
            id=${id}
            type="text"
            inputmode="text"
            autocomplete="off"
            spellcheck="false"
            maxlength="7"
            placeholder="#1f5f4a"
            .value=${draft.brandColor}
            aria-invalid=${this.errors.brandColor ? 'true' : 'false'}
            aria-describedby=${this.describedBy('brandColor', true)}
            @input=${(event: Event) => this.patch({ brandColor: (event.target as HTMLInputElement).value })}
            @change=${(event: Event) => {
              const normalized = normalizeHexColor((event.target as HTMLInputElement).value);
              if (normalized) this.patch({ brandColor: normalized });
            }}
          />
          ${draft.brandColor && this.canEdit
            ? html`<button type="button" class="secondary" @click=${() => this.patch({ brandColor: '' })}>${t('settings.profile.brandColor.reset')}</button>`
            : nothing}
        </div>
        <p class="hint" id=${`${id}-hint`}>${t('settings.profile.brandColor.hint')}</p>
        ${this.fieldError('brandColor')}
      </div>
      <comptoir-widget-preview .color=${color} .locale=${draft.locale}></comptoir-widget-preview>
      ${this.textField('logoUrl', t('settings.profile.logoUrl'), { type: 'url', hint: t('settings.profile.logoUrl.hint') })}
      ${draft.logoUrl && /^https?:\/\//.test(draft.logoUrl)
        ? html`<div class="field">
            <span class="hint">${t('settings.profile.logoPreview')}</span>
            ${this.isLogoBroken
              ? html`<p class="field-error" role="status">${t('settings.profile.logoBroken')}</p>`
              : html`<img class="logo" src=${draft.logoUrl} alt=${t('settings.profile.logoAlt', { name: draft.name })} referrerpolicy="no-referrer" @error=${() => (this.isLogoBroken = true)} />`}
          </div>`
        : nothing}
    </fieldset>`;
  }

  override render() {
    void this.locale;
    const draft = this.draft;
    if (!draft || !this.shop) return html`<p class="muted" role="status">${t('app.loading')}</p>`;
    const country = countryName(draft.country);
    return html`
      <form part="form" novalidate @submit=${this.save}>
        <fieldset class="plain" ?disabled=${!this.canEdit}>
          <fieldset>
            <legend>${t('settings.profile.identity')}</legend>
            <div class="grid two">
              ${this.textField('name', t('settings.profile.name'), { required: true, autocomplete: 'organization' })}
              <div class="field">
                <label for=${fieldIds.locale}>${t('settings.profile.locale')}</label>
                <select id=${fieldIds.locale} aria-describedby=${`${fieldIds.locale}-hint`} @change=${(event: Event) => this.patch({ locale: (event.target as HTMLSelectElement).value === 'en' ? 'en' : 'fr' })}>
                  <option value="fr" ?selected=${draft.locale === 'fr'}>Français</option>
                  <option value="en" ?selected=${draft.locale === 'en'}>English</option>
                </select>
                <p class="hint" id=${`${fieldIds.locale}-hint`}>${t('settings.profile.locale.hint')}</p>
              </div>
              <div class="field">
                <label for=${fieldIds.timeZone}>${t('settings.profile.timeZone')}</label>
                <select
                  id=${fieldIds.timeZone}
                  aria-describedby=${this.describedBy('timeZone', true)}
                  @change=${(event: Event) => this.patch({ timeZone: (event.target as HTMLSelectElement).value })}
                >
                  ${timeZones(draft.timeZone).map((zone) => html`<option value=${zone} ?selected=${zone === draft.timeZone}>${zone.replaceAll('_', ' ')}</option>`)}
                </select>
                <p class="hint" id=${`${fieldIds.timeZone}-hint`}>${t('settings.profile.timeZone.hint')}</p>
                ${this.fieldError('timeZone')}
              </div>
              <div class="field">
                <label for=${fieldIds.country}>${t('settings.profile.country')}</label>
                <input
                  id=${fieldIds.country}
                  autocomplete="country"
                  maxlength="2"
                  .value=${draft.country}
                  aria-invalid=${this.errors.country ? 'true' : 'false'}
                  aria-describedby=${this.describedBy('country', true)}
                  @input=${(event: Event) => this.patch({ country: (event.target as HTMLInputElement).value.toUpperCase() })}
                />
                <p class="hint" id=${`${fieldIds.country}-hint`}>${country ? t('settings.profile.country.named', { name: country }) : t('settings.profile.country.hint')}</p>
                ${this.fieldError('country')}
              </div>
              <div class="field">
                <p class="readonly"><strong>${t('settings.profile.currency')}</strong> ${this.shop.currency}</p>
                <p class="hint">${t('settings.profile.currency.why')}</p>
              </div>
            </div>
          </fieldset>
          ${this.renderBrand(draft)}
          <fieldset>
            <legend>${t('settings.profile.emails')}</legend>
            <div class="grid two">
              ${this.textField('emailFrom', t('settings.profile.emailFrom'), { type: 'email', hint: t('settings.profile.emailFrom.hint'), autocomplete: 'email' })}
              ${this.textField('emailReplyTo', t('settings.profile.emailReplyTo'), { type: 'email', hint: t('settings.profile.emailReplyTo.hint'), autocomplete: 'email' })}
            </div>
          </fieldset>
          <div aria-live="polite">
            ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
            ${this.notice ? html`<p class="alert success" role="status">${this.notice}</p>` : nothing}
          </div>
          ${this.canEdit ? html`<div><button type="submit" ?disabled=${this.busy}>${t('settings.profile.save')}</button></div>` : nothing}
        </fieldset>
      </form>
    `;
  }
}

customElements.define('comptoir-shop-profile-form', ComptoirShopProfileForm);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-shop-profile-form': ComptoirShopProfileForm;
  }
  interface HTMLElementEventMap {
    'comptoir-shop-profile-saved': CustomEvent<ShopProfileSavedDetail>;
  }
}
