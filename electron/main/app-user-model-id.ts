/**
 * Windows groups notifications and taskbar entries by this id, and shows a notification only
 * for an id that a Start menu shortcut carries. The installer gives its shortcut the builder's
 * appId, so the two must stay equal (the packaging test checks).
 */
export const APP_USER_MODEL_ID = 'com.emqx-cloud-tray.app';
