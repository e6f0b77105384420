// The Platform API base address a user typed or picked. It is the one URL credentials are sent
// to, so it is held to HTTPS; plain HTTP is allowed only to this machine (the local simulator).
// Error messages never repeat the input: it may carry a password (`https://key:secret@host`).

import { InvalidInputError } from './errors';
import { SITE_PRESETS, type Site } from './types';

const MAX_LENGTH = 2048;
const PLATFORM_API_PATH = '/public_api/v1';

export function parseBaseUrl(input: string): string {
  if (typeof input !== 'string') throw refuse('The API base URL must be text.');
  const text = input.trim();
  if (text === '')
    throw refuse('Enter the API base URL, for example ' + SITE_PRESETS.international + '.');
  if (text.length > MAX_LENGTH)
    throw refuse(`The API base URL is longer than ${MAX_LENGTH} characters.`);
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(text)) {
    throw refuse('The API base URL must not contain spaces or control characters.');
  }
  if (text.includes('\\')) throw refuse('The API base URL must not contain backslashes.');

  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    throw refuse('The API base URL is not a valid address; it must start with https://.');
  }
  if (scheme !== 'https' && scheme !== 'http') {
    const shown = scheme.length <= 12 ? ` (not "${scheme}:")` : '';
    throw refuse(`The API base URL must start with https://${shown}.`);
  }
  const authority = /^[a-zA-Z]+:\/\/([^/?#]*)/.exec(text)?.[1];
  if (authority === undefined || authority === '') {
    throw refuse('The API base URL is not a valid address; it must look like https://host/path.');
  }
  if (authority.includes('@')) {
    throw refuse(
      'The API base URL must not contain a user name or password; enter the key and secret in their own fields.',
    );
  }
  if (text.includes('?')) throw refuse('The API base URL must not contain a query (“?…”).');
  if (text.includes('#')) throw refuse('The API base URL must not contain a fragment (“#…”).');

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse('The API base URL is not a valid address.');
  }
  if (url.hostname === '') throw refuse('The API base URL has no host name.');
  if (url.username !== '' || url.password !== '') {
    throw refuse('The API base URL must not contain a user name or password.');
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw refuse(
      'The API base URL must use https://. Plain http:// is allowed only to this computer (localhost, 127.0.0.1, [::1]).',
    );
  }

  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

/**
 * Whether a base URL has the Platform API's usual path. A proxy may use another path, so a
 * `false` is a reason to warn, not to refuse.
 */
export function looksLikePlatformApiBase(url: string): boolean {
  let normalised: string;
  try {
    normalised = parseBaseUrl(url);
  } catch {
    return false;
  }
  return new URL(normalised).pathname.toLowerCase().endsWith(PLATFORM_API_PATH);
}

/** The base URL for a site: a preset, or the validated custom address. */
export function resolveSiteBaseUrl(site: Site, custom?: string): string {
  if (site === 'custom') {
    if (custom === undefined) throw refuse('A custom site needs an API base URL.');
    return parseBaseUrl(custom);
  }
  if (Object.prototype.hasOwnProperty.call(SITE_PRESETS, site)) return SITE_PRESETS[site];
  throw refuse('Unknown EMQX Cloud site.');
}

/** `localhost`, 127.0.0.0/8 and ::1, as the URL parser normalises them. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return v4 !== null && Number(v4[1]) === 127 && v4.slice(2).every((o) => Number(o) <= 255);
}

function refuse(message: string): InvalidInputError {
  return new InvalidInputError(message);
}
