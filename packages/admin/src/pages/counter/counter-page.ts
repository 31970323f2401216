import { LitElement, css, html, nothing } from 'lit';
import { formatDateTime, LocaleController, t } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorMessageOf, type Outputs } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { caseStatusLabel } from '../inbox/case-labels.js';

type Scanned = Outputs['counter']['admin']['scan'];

/** The part of the Shape Detection API the counter uses (not yet in TypeScript's DOM types). */
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<Array<{ rawValue: string }>>;
}
type BarcodeDetectorConstructor = new (options?: { formats?: string[] }) => BarcodeDetectorLike;

function barcodeDetector(): BarcodeDetectorConstructor | null {
  const candidate = (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
  return typeof candidate === 'function' && typeof navigator.mediaDevices?.getUserMedia === 'function' ? candidate : null;
}

/** The pickup or return code inside what a QR code holds (the code itself, or a URL ending with it). */
function codeFrom(raw: string): string {
  const match = /PU-?[A-Z0-9]{4}-?[A-Z0-9]{4}|R-[A-Z0-9]{4,}/i.exec(raw);
  return (match ? match[0] : raw).trim().toUpperCase();
}

/**
 * The counter: one input for whatever the customer shows, typed (always possible) or, where the
 * browser has `BarcodeDetector`, scanned with the camera. The server tells the code's kind by its
 * shape: a pickup code hands the order over, a return code marks the item received and starts
 * the refund clock.
 */
export class ComptoirCounterPage extends LitElement {
  static override properties = {
    code: { state: true },
    error: { state: true },
    result: { state: true },
    busy: { state: true },
    isScanning: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: grid;
        gap: 1rem;
        max-width: 32rem;
      }
      h1 {
        margin: 0;
      }
      #code {
        font-size: 1.4rem;
        letter-spacing: 0.08em;
        text-transform: uppercase;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      video {
        width: 100%;
        border-radius: var(--_radius);
        background: #000;
      }
      .result {
        font-size: 1.1rem;
      }
    `,
  ];

  declare code: string;
  declare error: string;
  declare result: Scanned | null;
  declare busy: boolean;
  declare isScanning: boolean;

  private readonly locale = new LocaleController(this);
  private stream: MediaStream | null = null;
  private scanTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.code = '';
    this.error = '';
    this.result = null;
    this.busy = false;
    this.isScanning = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopScan();
  }

  private async receive(code: string): Promise<void> {
    this.busy = true;
    this.error = '';
    this.result = null;
    try {
      this.result = await api.counter.admin.scan.mutate({ code });
      this.code = '';
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    } finally {
      this.busy = false;
    }
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const code = this.code.trim();
    if (code) void this.receive(code);
  }

  private async startScan(): Promise<void> {
    const Detector = barcodeDetector();
    if (!Detector) return;
    this.error = '';
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    } catch {
      this.error = t('counter.cameraDenied');
      return;
    }
    this.isScanning = true;
    await this.updateComplete;
    const video = this.renderRoot.querySelector('video');
    if (!video) return this.stopScan();
    video.srcObject = this.stream;
    await video.play();
    const detector = new Detector({ formats: ['qr_code'] });
    const tick = async () => {
      if (!this.isScanning) return;
      try {
        const [found] = await detector.detect(video);
        if (found?.rawValue) {
          this.stopScan();
          this.code = codeFrom(found.rawValue);
          await this.receive(this.code);
          return;
        }
      } catch {
        // A frame that cannot be read: try the next one.
      }
      this.scanTimer = setTimeout(() => void tick(), 250);
    };
    void tick();
  }

  private stopScan(): void {
    clearTimeout(this.scanTimer);
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    this.isScanning = false;
  }

  private renderResult(result: Scanned) {
    if (result.kind === 'pickup') {
      return html`<div class="card result" role="status">
        <p class="alert success">
          <strong>${result.isFirstScan ? t('counter.handedOver', { number: result.orderNumber }) : t('counter.alreadyHandedOver', { number: result.orderNumber })}</strong>
        </p>
        ${result.customerName ? html`<p>${t('counter.customer', { name: result.customerName })}</p>` : nothing}
        <p>${t('counter.slot', { date: formatDateTime(result.slotStartsAt) })}</p>
      </div>`;
    }
    return html`<div class="card result" role="status">
      <p class="alert success">
        <strong>${result.changed ? t('counter.done', { code: result.code }) : t('counter.already', { code: result.code })}</strong>
      </p>
      <p>${t('counter.status', { status: caseStatusLabel('return', result.status) })}</p>
      ${result.refundDueAt ? html`<p>${t('counter.refundDue', { date: formatDateTime(result.refundDueAt) })}</p>` : nothing}
      <p><a href="#/case?type=return&id=${result.returnId}">${t('counter.open')}</a></p>
    </div>`;
  }

  override render() {
    void this.locale;
    const canScan = barcodeDetector() !== null;
    return html`
      <h1>${t('counter.title')}</h1>
      <p class="muted">${t('counter.intro')}</p>
      <form class="card" @submit=${this.submit}>
        <div class="field">
          <label for="code">${t('counter.code')}</label>
          <input
            id="code"
            name="code"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            required
            maxlength="300"
            placeholder="PU-… · R-…"
            .value=${this.code}
            @input=${(event: Event) => (this.code = (event.target as HTMLInputElement).value)}
          />
        </div>
        <div class="actions">
          <button type="submit" id="receive" ?disabled=${this.busy}>${t('counter.submit')}</button>
          ${canScan
            ? this.isScanning
              ? html`<button type="button" class="secondary" @click=${this.stopScan}>${t('counter.stopScan')}</button>`
              : html`<button type="button" class="secondary" id="scan" @click=${this.startScan}>${t('counter.scan')}</button>`
            : nothing}
        </div>
        ${this.isScanning ? html`<video muted playsinline aria-label=${t('counter.camera')}></video>` : nothing}
      </form>
      ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
      ${this.result ? this.renderResult(this.result) : nothing}
    `;
  }
}

customElements.define('comptoir-counter-page', ComptoirCounterPage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-counter-page': ComptoirCounterPage;
  }
}
