// Renders the committed SVG sources in assets/icons/src into every tray and app icon the app
// and the installers use. Run with `npm run icons` after changing a source; the output is
// checked in so builds never need to render. The renderers are exported so a test can check
// that the committed files are what the sources make today.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg, type RenderedImage } from '@resvg/resvg-js';
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
export const INK: Record<TrayIconState, Record<PanelTheme, string>> = {
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

/** The RGBA image of an SVG at `size` px wide. */
export function rasterize(svg: string, size: number): RenderedImage {
  return new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
    shapeRendering: 2,
  }).render();
}

function render(svg: string, size: number): Buffer {
  return rasterize(svg, size).asPng();
}

export function readIconSource(name: TrayIconState | 'app'): Promise<string> {
  return readFile(join(root, ICON_SOURCE_DIR, `${name}.svg`), 'utf8');
}

/** The macOS template image of a state: black ink, the system tints it. */
export async function macTemplatePng(state: TrayIconState, scale: 1 | 2): Promise<Buffer> {
  return render(withInk(await readIconSource(state), '#000'), scale === 2 ? 32 : 16);
}

/** A coloured panel icon of a state for Linux and Windows. */
export async function panelPng(
  state: TrayIconState,
  theme: PanelTheme,
  size: 16 | 24 | 32,
): Promise<Buffer> {
  return render(withInk(await readIconSource(state), INK[state][theme]), size);
}

async function write(relPath: string, data: Buffer): Promise<void> {
  const abs = join(root, relPath);
  await mkdir(dirname(abs), { recursive: true });
  await writeFile(abs, data);
}

async function makeTrayIcons(state: TrayIconState): Promise<void> {
  await write(macTemplateIcon(state, 1), await macTemplatePng(state, 1));
  await write(macTemplateIcon(state, 2), await macTemplatePng(state, 2));
  for (const theme of PANEL_THEMES) {
    const png16 = await panelPng(state, theme, 16);
    const png24 = await panelPng(state, theme, 24);
    const png32 = await panelPng(state, theme, 32);
    await write(panelIcon(state, theme, 16), png16);
    await write(panelIcon(state, theme, 24), png24);
    await write(panelIcon(state, theme, 32), png32);
    await write(windowsTrayIcon(state, theme), await pngToIco([png16, png24, png32]));
  }
}

async function makeAppIcon(): Promise<void> {
  const source = await readIconSource('app');
  await write(APP_ICON_PNG_512, render(source, 512));
  await write(APP_ICON_PNG_256, render(source, 256));
  const sizes = [16, 24, 32, 48, 64, 128, 256].map((s) => render(source, s));
  await write(APP_ICON_ICO, await pngToIco(sizes));
}

export async function makeIcons(): Promise<void> {
  for (const state of TRAY_ICON_STATES) await makeTrayIcons(state);
  await makeAppIcon();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await makeIcons();
  console.log(`Icons written for ${TRAY_ICON_STATES.length} tray states and the app.`);
}
