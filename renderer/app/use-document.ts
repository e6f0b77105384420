// The parts of the window that live outside React's tree: title, language and theme.
import { useEffect } from 'react';
import type { Locale, ThemeSetting } from '../../electron/shared/model';

export function useDocumentSettings(opts: { title: string; locale: Locale; theme: ThemeSetting }) {
  const { title, locale, theme } = opts;
  useEffect(() => {
    document.title = title;
  }, [title]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => {
    // No attribute means "follow the system": the stylesheet's prefers-color-scheme rules apply.
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}
