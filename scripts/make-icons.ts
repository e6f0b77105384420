// Renders the committed SVG sources in assets/icons/src into every tray and app icon the app
// and the installers use. Run with `npm run icons` after changing a source; the output is
// checked in so builds and tests never need to render.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';
import { TRAY_ICON_STATES, type TrayIconState } from '../electron/core/tray/model';
import {
  APP_ICON_ICO,
  APP_ICON_PNG_256,
  APP_ICON_PNG_512,
  ICON_SOURCE_DIR,
  PANEL_THEMES,
  macTemplateIcon,
  panelIcon,
  windowsTrayIcon,
  type PanelTheme,
} from '../electron/main/icon-files';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Each state already has its own shape; colour only adds to it. Light panels get the deeper
// shade so the glyph keeps its contrast, dark panels the brighter one.
const INK: Record<TrayIconState, Record<PanelTheme, string>> = {
  'all-running': { light: '#1a7f37', dark: '#3fb950' },
  'all-stopped': { light: '#57606a', dark: '#c9d1d9' },
  mixed: { light: '#0969da', dark: '#58a6ff' },
  transitional: { light: '#9a6700', dark: '#e3b341' },
  'unexpected-stop': { light: '#bc4c00', dark: '#f0883e' },
  error: { light: '#cf222e', dark: '#ff6a69' },
  offline: { light: '#57606a', dark: '#c9d1d9' },
  'not-set-up': { light: '#57606a', dark: '#c9d1d9' },
};

function withInk(svg: string, ink: string): string {
  return svg.replace(/color="#000"/, `color="${ink}"`);
}

function render(svg: string, size: number): Buffer {
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
    shapeRendering: 2,
  }).render();
  return image.asPng();
}

async function write(relPath: string, data: Buffer): Promise<void> {
  const abs = join(root, relPath);
  await mkdir(dirname(abs), { recursive: true });
  await writeFile(abs, data);
}

async function makeTrayIcons(state: TrayIconState): Promise<void> {
  const source = await readFile(join(root, ICON_SOURCE_DIR, `${state}.svg`), 'utf8');
  const template = withInk(source, '#000');
  await write(macTemplateIcon(state, 1), render(template, 16));
  await write(macTemplateIcon(state, 2), render(template, 32));
  for (const theme of PANEL_THEMES) {
    const svg = withInk(source, INK[state][theme]);
    const png16 = render(svg, 16);
    const png24 = render(svg, 24);
    const png32 = render(svg, 32);
    await write(panelIcon(state, theme, 16), png16);
    await write(panelIcon(state, theme, 24), png24);
    await write(panelIcon(state, theme, 32), png32);
    await write(windowsTrayIcon(state, theme), await pngToIco([png16, png24, png32]));
  }
}

async function makeAppIcon(): Promise<void> {
  const source = await readFile(join(root, ICON_SOURCE_DIR, 'app.svg'), 'utf8');
  await write(APP_ICON_PNG_512, render(source, 512));
  await write(APP_ICON_PNG_256, render(source, 256));
  const sizes = [16, 24, 32, 48, 64, 128, 256].map((s) => render(source, s));
  await write(APP_ICON_ICO, await pngToIco(sizes));
}

for (const state of TRAY_ICON_STATES) await makeTrayIcons(state);
await makeAppIcon();
console.log(`Icons written for ${TRAY_ICON_STATES.length} tray states and the app.`);
