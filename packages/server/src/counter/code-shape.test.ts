import { describe, expect, it } from 'vitest';
import { readCounterCode } from './code-shape.js';

describe('readCounterCode', () => {
  it.each([
    ['a pickup code', 'PU-7KQ3-XM2A', { kind: 'pickup', code: 'PU-7KQ3-XM2A' }],
    ['a pickup code typed in lower case without dashes', ' pu7kq3xm2a ', { kind: 'pickup', code: 'PU-7KQ3-XM2A' }],
    ['a pickup code without its prefix', '7kq3 xm2a', { kind: 'pickup', code: 'PU-7KQ3-XM2A' }],
    ['a pickup body that starts with R', 'RKQ3-XM2A', { kind: 'pickup', code: 'PU-RKQ3-XM2A' }],
    ['a return code', 'R-7KQ3XM', { kind: 'return', code: 'R-7KQ3XM' }],
    ['a return code typed with a space', 'r 7kq3xm', { kind: 'return', code: 'R-7KQ3XM' }],
    ['a long return code', 'R-7KQ3XMAB', { kind: 'return', code: 'R-7KQ3XMAB' }],
    ['a short imported return code', 'R-PRIV', { kind: 'return', code: 'R-PRIV' }],
    ['a return QR code holding a URL', 'https://boutique.example/retour/R-7KQ3XM', { kind: 'return', code: 'R-7KQ3XM' }],
    ['a pickup QR code holding a URL', 'https://boutique.example/retrait/PU-7KQ3-XM2A/', { kind: 'pickup', code: 'PU-7KQ3-XM2A' }],
    ['words', 'bonjour !', { kind: 'unknown' }],
    ['too short', 'R-12', { kind: 'unknown' }],
    ['an order number', '#FR-2291', { kind: 'unknown' }],
  ])('%s', (_name, raw, expected) => {
    expect(readCounterCode(raw)).toEqual(expected);
  });
});
