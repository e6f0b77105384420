// Whether the window opens when the app starts. The app lives in the tray; the window opens by
// itself only when there is nothing to watch yet (first run), or when the user asked for it and
// this run was not started at login.
import type { AppSnapshot } from '../shared/model';

export function shouldShowWindowAtLaunch(snapshot: AppSnapshot, startedAtLogin: boolean): boolean {
  if (snapshot.accounts.length === 0) return true;
  return !snapshot.preferences.startHidden && !startedAtLogin;
}
