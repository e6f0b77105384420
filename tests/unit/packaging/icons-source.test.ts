// The tray icons are made from vector sources by a committed script: the PNGs in the tree must be
// exactly what `npm run icons` makes from them today, and the states must differ in shape.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRAY_ICON_STATES, type TrayIconState } from '../../../electron/core/tray/model';
import { PANEL_THEMES, macTemplateIcon, panelIcon } from '../../../electron/main/icon-files';
import { macTemplatePng, panelPng, rasterize, readIconSource } from '../../../scripts/make-icons';

const root = join(__dirname, '..', '..', '..');
const committed = (path: string): Buffer => readFileSync(join(root, path));

/** Which pixels of a state's glyph are ink (alpha above half), at `size` px. */
async function inkMask(state: TrayIconState, size: number): Promise<boolean[]> {
  const { pixels } = rasterize(await readIconSource(state), size);
  const mask: boolean[] = [];
  for (let i = 3; i < pixels.length; i += 4) mask.push((pixels[i] ?? 0) > 127);
  return mask;
}

const differing = (a: boolean[], b: boolean[]): number => a.filter((v, i) => v !== b[i]).length;

describe('tray icons from their sources', () => {
  it.each(TRAY_ICON_STATES)('%s: every committed PNG is what the script renders', async (state) => {
    for (const scale of [1, 2] as const) {
      const file = macTemplateIcon(state, scale);
      expect((await macTemplatePng(state, scale)).equals(committed(file)), file).toBe(true);
    }
    for (const theme of PANEL_THEMES) {
      for (const size of [16, 24, 32] as const) {
        const file = panelIcon(state, theme, size);
        expect((await panelPng(state, theme, size)).equals(committed(file)), file).toBe(true);
      }
    }
  });

  it('draws each state as its own shape, even at 16 px', async () => {
    for (const size of [16, 32]) {
      const masks = await Promise.all(TRAY_ICON_STATES.map((s) => inkMask(s, size)));
      for (let i = 0; i < masks.length; i++) {
        for (let j = i + 1; j < masks.length; j++) {
          const pair = `${TRAY_ICON_STATES[i]} / ${TRAY_ICON_STATES[j]} at ${size} px`;
          // A few pixels of anti-aliasing would not tell two icons apart; a tenth of the area does.
          expect(differing(masks[i] ?? [], masks[j] ?? []), pair).toBeGreaterThan(
            (size * size) / 10,
          );
        }
      }
    }
  });
});
