// Launch at login on Linux: an XDG autostart entry, since Electron's login item API covers
// only macOS and Windows. Pure Node so it can be tested against a temporary HOME.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const AUTOSTART_FILE_NAME = 'emqx-cloud-tray.desktop';

/** The argument the autostart entry passes, so the app knows it was started at login. */
export const AUTOSTART_ARG = '--autostart';

export function autostartFilePath(env: Record<string, string | undefined>, home: string): string {
  // XDG: $XDG_CONFIG_HOME when set to an absolute path, else ~/.config.
  const xdg = env.XDG_CONFIG_HOME;
  const configHome = xdg !== undefined && xdg.startsWith('/') ? xdg : join(home, '.config');
  return join(configHome, 'autostart', AUTOSTART_FILE_NAME);
}

/** Quotes one Exec argument as the Desktop Entry spec asks. */
export function quoteExecArg(arg: string): string {
  if (/^[A-Za-z0-9_./:=+-]+$/.test(arg)) return arg;
  const quoted = `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
  // Exec is also a string value, whose own escape doubles every backslash; `%` starts a
  // field code and must be doubled to stay literal.
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}

export function autostartEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=EMQX Cloud Tray',
    'Comment=Watch, start and stop EMQX Cloud deployments from the tray',
    `Exec=${command.map(quoteExecArg).join(' ')}`,
    'Icon=emqx-cloud-tray',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export interface LinuxAutostartOptions {
  home: string;
  env: Record<string, string | undefined>;
  /** The program and its arguments, e.g. the AppImage path, or electron plus the app dir. */
  command: readonly string[];
}

export async function setLinuxAutostart(
  enabled: boolean,
  opts: LinuxAutostartOptions,
): Promise<void> {
  const file = autostartFilePath(opts.env, opts.home);
  if (!enabled) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, autostartEntry([...opts.command, AUTOSTART_ARG]), { mode: 0o644 });
}
