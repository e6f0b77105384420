// English strings for the window area. Keys are namespaced `window.*`.
export const window = {
  'window.appName': 'EMQX Cloud Tray',
} as const;
