/**
 * The one line a shop pastes in its pages to install the widget. The full publishable key exists
 * only at the moment it is made (the server keeps a hash), so without it the line carries the key's
 * first characters and an ellipsis, to be replaced by the key itself.
 */
export function widgetSnippet(serverOrigin: string, publishableKey: string): string {
  const escape = (text: string) => text.replace(/[&"<>]/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<script src="${escape(serverOrigin.replace(/\/+$/, ''))}/widget.js" data-key="${escape(publishableKey)}" async></script>`;
}

/** What stands for the key when it is not known: its first characters (`pk_live_ab12…`) or `pk_…`. */
export function keyPlaceholder(displayPrefix: string | null | undefined): string {
  return `${displayPrefix || 'pk_'}…`;
}
