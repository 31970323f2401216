import { describe, expect, it } from 'vitest';
import { insertText } from './insert-text.js';

describe('inserting a saved reply', () => {
  it('fills an empty box with the reply, caret at its end', () => {
    expect(insertText('', 0, 0, 'Bonjour Claire')).toEqual({ value: 'Bonjour Claire', caret: 14 });
  });

  it('puts the reply on its own paragraph after what was typed', () => {
    expect(insertText('Merci.', 6, 6, 'Votre colis est parti.')).toEqual({ value: 'Merci.\n\nVotre colis est parti.', caret: 30 });
  });

  it('replaces the selected text', () => {
    expect(insertText('A\nXXX\nB', 2, 5, 'reply')).toEqual({ value: 'A\nreply\nB', caret: 7 });
  });

  it('keeps the text after the caret apart from the reply', () => {
    expect(insertText('Signature', 0, 0, 'Hello')).toEqual({ value: 'Hello\n\nSignature', caret: 5 });
  });

  it('clamps a selection outside the text', () => {
    expect(insertText('ab', 10, 20, 'c')).toEqual({ value: 'ab\n\nc', caret: 5 });
  });
});
