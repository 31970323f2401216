import { describe, expect, it } from 'vitest';
import { contrastRatio, isHexColor, normalizeHexColor, onAccentColor } from './brand-color.js';

describe('brand colour', () => {
  it.each([
    ['#1f5f4a', '#1f5f4a'],
    ['1F5F4A', '#1f5f4a'],
    [' #ABC ', '#aabbcc'],
    ['red', null],
    ['#12345', null],
    ['', null],
  ])('reads %j as %j', (text, color) => {
    expect(normalizeHexColor(text)).toBe(color);
  });

  it('takes only #rrggbb, as the server does', () => {
    expect(isHexColor('#00ff00')).toBe(true);
    expect(isHexColor('#0f0')).toBe(false);
  });

  it('puts white on dark colours and near-black on light ones, like the widget', () => {
    expect(onAccentColor('#1f5f4a')).toBe('#ffffff');
    expect(onAccentColor('#000000')).toBe('#ffffff');
    expect(onAccentColor('#ffe066')).toBe('#1f1d1a');
    expect(onAccentColor('#ffffff')).toBe('#1f1d1a');
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    expect(contrastRatio('#ffffff', '#767676')).toBeCloseTo(4.54, 2);
  });
});
