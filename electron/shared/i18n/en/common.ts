// English strings for the common area. Keys are namespaced `common.*`.
export const common = {
  'common.appName': 'EMQX Cloud Tray',
} as const;
