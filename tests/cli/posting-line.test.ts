import { describe, expect, it } from 'vitest';
import { decodePostingLine } from '../../src/cli/posting-line.js';

describe('decodePostingLine', () => {
  it.each([
    ['text', { id: 'a', text: 'Draw blood' }, 'a', { text: 'Draw blood' }],
    ['html', { id: 'b', html: '<p>Draw blood</p>' }, 'b', { html: '<p>Draw blood</p>' }],
    ['the corpus form', { id: 'c', format: 'html', text: '<p>EKG</p>' }, 'c', { html: '<p>EKG</p>' }],
    ['format text', { id: 'd', format: 'text', text: 'EKG' }, 'd', { text: 'EKG' }],
    ['a number id', { id: 7, text: 'EKG' }, 7, { text: 'EKG' }],
    ['no id', { text: 'EKG' }, null, { text: 'EKG' }],
  ])('reads %s', (_name, record, id, input) => {
    expect(decodePostingLine(JSON.stringify(record))).toEqual({ ok: true, id, input });
  });

  it.each([
    ['{not json', /not valid JSON/],
    ['[1,2]', /expected an object/],
    ['"text"', /expected an object/],
    ['null', /expected an object/],
    [JSON.stringify({ id: 'x' }), /needs a "text" or "html" string/],
    [JSON.stringify({ id: 'x', text: 5 }), /needs a "text" or "html" string/],
    [JSON.stringify({ id: 'x', text: 'a', html: '<p>b</p>' }), /not both/],
    [JSON.stringify({ id: 'x', format: 'pdf', text: 'a' }), /"format" must be "text" or "html"/],
    [JSON.stringify({ id: { n: 1 }, text: 'a' }), /"id" must be a string or a number/],
    [JSON.stringify({ id: 'x', text: ' \n ' }), /^empty posting$/],
    [JSON.stringify({ id: 'x', text: '\u0000\u0001\u0002' }), /binary/],
  ])('rejects %s', (line, why) => {
    const decoded = decodePostingLine(line);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error).toMatch(why);
  });
});
