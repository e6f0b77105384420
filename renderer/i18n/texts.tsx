// The snapshot's language for every component below, with the catalog's translator and the
// shared Intl formatters bound to it.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Locale } from '../../electron/shared/model';
import { translatorFor, type Translator } from '../../electron/shared/i18n';

export interface Texts {
  locale: Locale;
  t: Translator;
}

export function textsFor(locale: Locale): Texts {
  return { locale, t: translatorFor(locale) };
}

const TextsContext = createContext<Texts>(textsFor('en'));

export function TextsProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const texts = useMemo(() => textsFor(locale), [locale]);
  return <TextsContext value={texts}>{children}</TextsContext>;
}

export function useTexts(): Texts {
  return useContext(TextsContext);
}
