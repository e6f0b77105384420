// English strings for the notifications area. Keys are namespaced `notifications.*`.
export const notifications = {
  'notifications.appName': 'EMQX Cloud Tray',
} as const;
