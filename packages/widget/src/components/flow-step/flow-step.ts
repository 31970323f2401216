import { html, css, nothing, type TemplateResult } from 'lit';
import type { Task } from '@lit/task';
import { describeError } from '../../controllers/widget-context.js';
import type { Translator } from '../../i18n/index.js';

/**
 * The step layout the return and claim flows share: a heading, an optional intro, and a form of
 * fieldsets whose error is announced and whose submit button says when it is sending. A template
 * function rather than an element: the form stays in the flow's own shadow root, so its fields keep
 * the flow's state and styles without a second shadow root, slots or form association.
 */
export interface FlowStep {
  /** Unique within the flow's shadow root: the form is labelled by its heading. */
  id: string;
  heading: string;
  intro?: TemplateResult | string | typeof nothing;
  body: TemplateResult;
  error: string;
  submitLabel: string;
  isSending?: boolean;
  onSubmit(event: Event): void;
}

/** One step of a flow: heading, intro, the form and its submit button. */
export function flowStep(step: FlowStep): TemplateResult {
  return html`<h2 id=${step.id}>${step.heading}</h2>
    ${step.intro ? html`<p class="muted">${step.intro}</p>` : nothing}
    <form part="form" aria-labelledby=${step.id} novalidate @submit=${step.onSubmit}>
      ${step.body}
      ${step.error ? html`<p class="error" part="error" role="alert">${step.error}</p>` : nothing}
      <div class="actions">
        <button class="button" part="button" type="submit" ?disabled=${Boolean(step.isSending)}>${step.submitLabel}</button>
      </div>
    </form>`;
}

/**
 * A screen's data while it loads (a skeleton), when it failed (the reason and a retry button), and
 * once it came (`complete`): the same three states on every screen.
 */
export function renderTask<T>(task: Task<readonly unknown[], T>, t: Translator, complete: (value: T) => unknown) {
  return task.render({
    pending: () => html`<div class="skeleton" aria-busy="true" aria-label=${t.t('loading')}></div>`,
    error: (error) =>
      html`<div class="error" part="error" role="alert">
        <p>${describeError(error, t)}</p>
        <button class="button secondary" part="button" @click=${() => task.run()}>${t.t('retry')}</button>
      </div>`,
    complete,
  });
}

/** Styles of a flow step: fieldsets of radio options, fields, the actions row. */
export const flowStepStyles = css`
  :host,
  form,
  fieldset {
    display: grid;
    gap: 1rem;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    margin: 0;
    gap: 0.5rem;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  label.option {
    display: flex;
    gap: 0.6rem;
    align-items: center;
    min-height: 44px;
  }
  label.field {
    display: grid;
    gap: 0.3rem;
  }
  input[type='radio'],
  input[type='checkbox'] {
    flex: none;
    width: 1.2rem;
    height: 1.2rem;
    accent-color: var(--_accent);
  }
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) / 2);
    min-height: 44px;
    padding: 0.4rem 0.6rem;
    width: 100%;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .box {
    padding: 0.9rem 1rem;
    border-radius: var(--_radius);
    background: var(--_surface);
    display: grid;
    gap: 0.5rem;
  }
`;
