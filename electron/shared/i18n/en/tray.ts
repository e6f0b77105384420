// English strings for the tray area. Keys are namespaced `tray.*`.
export const tray = {
  'tray.appName': 'EMQX Cloud Tray',
} as const;
