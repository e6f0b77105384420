import { describe, expect, it } from 'vitest';
import { readErrorBody } from '../../../electron/core/api/error-body';
import { createScrubber } from '../../../electron/core/log/redact';
import { KEY, SECRET } from './fake-adapter';

describe('readErrorBody', () => {
  it('surfaces code and message from JSON text', () => {
    expect(readErrorBody('{"code":"AUTH_FAILED","message":"bad key"}')).toEqual({
      code: 'AUTH_FAILED',
      message: 'bad key',
    });
  });

  it('accepts numeric code and message', () => {
    expect(readErrorBody('{"code":40101,"message":12}')).toEqual({ code: '40101', message: '12' });
  });

  it('reads an already parsed object and a Buffer', () => {
    expect(readErrorBody({ code: 'X', message: 'y' })).toEqual({ code: 'X', message: 'y' });
    expect(readErrorBody(Buffer.from('{"message":"from bytes"}'))).toEqual({
      message: 'from bytes',
    });
  });

  it('knows a few other common shapes', () => {
    expect(readErrorBody('{"error":"nope"}')).toEqual({ message: 'nope' });
    expect(readErrorBody('{"error":{"code":"E1","message":"inner"}}')).toEqual({
      code: 'E1',
      message: 'inner',
    });
    expect(readErrorBody('{"msg":"short"}')).toEqual({ message: 'short' });
  });

  it('tolerates JSON without code or message, arrays, and odd types', () => {
    expect(readErrorBody('{"foo":1}')).toEqual({});
    expect(readErrorBody('[1,2]')).toEqual({});
    expect(readErrorBody('{"code":{"a":1},"message":[1]}')).toEqual({});
    expect(readErrorBody('null')).toEqual({});
    expect(readErrorBody('404')).toEqual({});
    expect(readErrorBody('"slow down"')).toEqual({ message: 'slow down' });
    expect(readErrorBody(undefined)).toEqual({});
    expect(readErrorBody('')).toEqual({});
  });

  it('reduces an HTML page to its title', () => {
    const html =
      '<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{}</style></head><body><h1>502</h1><script>alert(1)</script></body></html>';
    expect(readErrorBody(html, 'text/html')).toEqual({ excerpt: '502 Bad Gateway' });
  });

  it('strips tags from an HTML page without a title, and entity-spelled tags too', () => {
    const info = readErrorBody(
      '<html><body><h1>Oops</h1><p>Try &lt;b&gt;later&lt;/b&gt; &amp; again</p></body></html>',
    );
    expect(info.excerpt).toBe('Oops Try later & again');
    expect(info.excerpt).not.toMatch(/[<>]/);
  });

  it('keeps an HTML excerpt short', () => {
    const info = readErrorBody(`<html><body><p>${'word '.repeat(500)}</p></body></html>`);
    expect([...(info.excerpt ?? '')].length).toBeLessThanOrEqual(160);
  });

  it('keeps a plain-text excerpt short and on one line', () => {
    const info = readErrorBody(`upstream\r\nconnect error ${'x'.repeat(1000)}`);
    expect(info.excerpt?.startsWith('upstream connect error')).toBe(true);
    expect(info.excerpt).not.toMatch(/[\r\n]/);
    expect([...(info.excerpt ?? '')].length).toBeLessThanOrEqual(160);
  });

  it('treats broken JSON as text', () => {
    expect(readErrorBody('{"message": "unterminated')).toEqual({
      excerpt: '{"message": "unterminated',
    });
  });

  it('cuts a long message', () => {
    const info = readErrorBody(JSON.stringify({ message: 'm'.repeat(5000) }));
    expect([...(info.message ?? '')].length).toBeLessThanOrEqual(300);
  });

  it('scrubs secrets from messages, codes and excerpts, even when split by tags', () => {
    const scrub = createScrubber([SECRET, `${KEY}:${SECRET}`]);
    const b64 = Buffer.from(`${KEY}:${SECRET}`).toString('base64');
    const json = readErrorBody(
      JSON.stringify({ code: SECRET, message: `bad header Basic ${b64} for ${KEY}:${SECRET}` }),
      'application/json',
      scrub,
    );
    expect(JSON.stringify(json)).not.toContain(SECRET);
    expect(JSON.stringify(json)).not.toContain(b64);
    const html = readErrorBody(`<p>S3cr3t-<b>Value</b>-ab12XYZ</p>`, 'text/html', scrub);
    // Gluing the text back together would reveal the secret: no excerpt at all.
    expect(html).toEqual({});
    const plain = readErrorBody(`token S3cr3t- Value-ab12XYZ`, 'text/plain', scrub);
    expect(plain).toEqual({});
    const escaped = readErrorBody(
      `{"message":"${[...SECRET].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"}`,
      undefined,
      scrub,
    );
    expect(escaped.message).toBe('***');
  });
});
