// The only pages the app opens in the user's browser: the EMQX Cloud console. Anything else
// (another host, http, credentials in the URL) is refused, so nothing the window or a crafted
// deployment field says can make the app open an arbitrary URL.

export const CONSOLE_HOSTS: readonly string[] = ['cloud-intl.emqx.com', 'cloud.emqx.com'];

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    CONSOLE_HOSTS.includes(parsed.hostname)
  );
}
