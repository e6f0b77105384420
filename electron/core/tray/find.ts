import type { TrayMenuItem, TrayModel } from './model';

/** The item with this id anywhere in the menu, submenus included (for the shells' clicks). */
export function findMenuItem(model: TrayModel, id: string): TrayMenuItem | undefined {
  const search = (items: readonly TrayMenuItem[]): TrayMenuItem | undefined => {
    for (const item of items) {
      if (item.id === id) return item;
      const inner = item.submenu ? search(item.submenu) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  return search(model.menu);
}
