// English strings for the errors area. Keys are namespaced `errors.*`.
export const errors = {
  'errors.appName': 'EMQX Cloud Tray',
} as const;
