// The window's only door to the app. Injected through context so tests hand in a fake.
import { createContext, useContext, type ReactNode } from 'react';
import type { WindowApi } from '../../electron/shared/contract';

const ApiContext = createContext<WindowApi | null>(null);

export function ApiProvider({ api, children }: { api: WindowApi; children: ReactNode }) {
  return <ApiContext value={api}>{children}</ApiContext>;
}

export function useApi(): WindowApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an <ApiProvider> above it');
  return api;
}
