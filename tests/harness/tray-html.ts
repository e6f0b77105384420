// The recorded tray as a picture a person can look at: the panel icon and the menu with one
// submenu opened, drawn from the TrayModel alone (what the Electron shell would hand to Menu).
// Served at /__harness/tray.html for debugging and used for the documentation screenshots.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TrayMenuItem, TrayModel } from '../../electron/core/tray/model';
import { STATUS_MARKS } from '../../electron/shared/status-marks';

export type TrayTheme = 'light' | 'dark';

export interface TrayHtmlOptions {
  theme: TrayTheme;
  /** Id of a submenu item to draw opened beside the menu. */
  open?: string;
}

const ASSETS = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets', 'tray');

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The icon the tray shows for this state, for a panel of this theme, if it exists. */
function iconDataUrl(model: TrayModel, theme: TrayTheme): string | undefined {
  try {
    const png = readFileSync(join(ASSETS, theme, `${model.icon}@2x.png`));
    return `data:image/png;base64,${png.toString('base64')}`;
  } catch {
    return undefined;
  }
}

function itemHtml(item: TrayMenuItem, open: string | undefined): string {
  if (item.type === 'separator') return '<li class="sep" role="separator"></li>';
  const classes = ['item', item.enabled ? '' : 'disabled', item.id === open ? 'open' : '']
    .filter(Boolean)
    .join(' ');
  const mark = item.status
    ? `<span class="mark mark--${item.status}">${STATUS_MARKS[item.status]}</span>`
    : '<span class="mark"></span>';
  const arrow = item.type === 'submenu' ? '<span class="arrow">▸</span>' : '';
  const hint = item.hint ? ` title="${escapeHtml(item.hint)}"` : '';
  return `<li class="${classes}" data-id="${escapeHtml(item.id)}"${hint}>${mark}<span class="label">${escapeHtml(item.label)}</span>${arrow}</li>`;
}

function menuHtml(items: readonly TrayMenuItem[], open: string | undefined, cls: string): string {
  return `<ul class="menu ${cls}" role="menu">${items.map((i) => itemHtml(i, open)).join('')}</ul>`;
}

function findOpen(
  items: readonly TrayMenuItem[],
  id: string | undefined,
): TrayMenuItem | undefined {
  return id === undefined ? undefined : items.find((i) => i.id === id && i.type === 'submenu');
}

export function renderTrayHtml(model: TrayModel, opts: TrayHtmlOptions): string {
  const opened = findOpen(model.menu, opts.open);
  const icon = iconDataUrl(model, opts.theme);
  const colours =
    opts.theme === 'dark'
      ? '--panel:#2b2b2f;--menu:#2f3136;--fg:#e8e8ea;--muted:#8b8e96;--sep:#45474d;--hi:#3d6fd6;--hi-fg:#fff;--border:#44464c;--page:#1b1c1f'
      : '--panel:#e9e9ec;--menu:#ffffff;--fg:#1d1f23;--muted:#9a9ea6;--sep:#e1e3e7;--hi:#2f6fde;--hi-fg:#fff;--border:#cfd2d8;--page:#f3f4f6';
  return `<!doctype html>
<html lang="${/\p{Script=Han}/u.test(model.menu.map((i) => i.label).join('')) ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<title>Tray menu</title>
<style>
  :root { ${colours}; color-scheme: ${opts.theme}; }
  body { margin: 0; background: var(--page); font: 13px/1.35 system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; color: var(--fg); }
  .shot { display: inline-block; padding: 0 16px 16px; }
  .panel { display: flex; justify-content: flex-end; align-items: center; gap: 10px; height: 28px; padding: 0 12px; background: var(--panel); border-bottom: 1px solid var(--border); margin: 0 -16px 4px; }
  .panel img { width: 18px; height: 18px; }
  .panel .tip { color: var(--muted); font-size: 12px; white-space: pre; }
  .menus { display: flex; align-items: flex-start; justify-content: flex-end; }
  .menu { list-style: none; margin: 0; padding: 5px 0; min-width: 220px; background: var(--menu); border: 1px solid var(--border); border-radius: 7px; box-shadow: 0 6px 22px rgba(0,0,0,.22); }
  .menu.sub { margin-top: 0; margin-right: -4px; }
  .item { display: flex; align-items: center; gap: 8px; padding: 4px 14px 4px 8px; white-space: nowrap; }
  .item.disabled { color: var(--muted); }
  .item.open { background: var(--hi); color: var(--hi-fg); border-radius: 4px; margin: 0 4px; padding-left: 4px; padding-right: 10px; }
  .mark { width: 14px; text-align: center; }
  .mark--running { color: #1a9c45; } .mark--stopped { color: var(--muted); } .mark--failed, .mark--not-found { color: #d1242f; }
  .mark--starting, .mark--stopping, .mark--pending { color: #c48a00; }
  .item.open .mark { color: inherit; }
  .label { flex: 1; }
  .arrow { margin-left: 18px; opacity: .8; }
  .sep { height: 1px; margin: 5px 0; background: var(--sep); }
</style>
</head>
<body>
<div class="shot" id="tray">
  <div class="panel">${icon ? `<img alt="${escapeHtml(model.icon)}" src="${icon}">` : ''}<span class="tip">${escapeHtml(model.tooltip.split('\n')[0] ?? '')}</span></div>
  <div class="menus">${opened?.submenu ? menuHtml(opened.submenu, undefined, 'sub') : ''}${menuHtml(model.menu, opts.open, 'main')}</div>
</div>
</body>
</html>`;
}
