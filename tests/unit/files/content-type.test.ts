import { describe, expect, it } from 'vitest';
import { contentTypeOf } from '../../../electron/core/files/content-type';

describe('content types of the window files', () => {
  it('knows what Vite writes, whatever the case of the extension', () => {
    expect(contentTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/x/assets/index-abc.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/x/assets/index-abc.css')).toBe('text/css; charset=utf-8');
  });

  it('serves anything else as opaque bytes', () => {
    expect(contentTypeOf('/x/run.sh')).toBe('application/octet-stream');
    expect(contentTypeOf('/x/noextension')).toBe('application/octet-stream');
  });
});
