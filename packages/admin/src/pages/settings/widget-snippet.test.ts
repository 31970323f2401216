import { describe, expect, it } from 'vitest';
import { keyPlaceholder, widgetSnippet } from './widget-snippet.js';

describe('widget snippet', () => {
  it('loads widget.js from the server with the key, asynchronously', () => {
    expect(widgetSnippet('https://comptoir.example/', 'pk_live_abc')).toBe(
      '<script src="https://comptoir.example/widget.js" data-key="pk_live_abc" async></script>',
    );
  });

  it('cannot be broken out of by what it quotes', () => {
    expect(widgetSnippet('https://x.example', 'pk_"><b>')).toBe('<script src="https://x.example/widget.js" data-key="pk_&#34;&#62;&#60;b&#62;" async></script>');
  });

  it('stands for an unknown key with its first characters', () => {
    expect(keyPlaceholder('pk_live_ab12')).toBe('pk_live_ab12…');
    expect(keyPlaceholder(null)).toBe('pk_…');
  });
});
