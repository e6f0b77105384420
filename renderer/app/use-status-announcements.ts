// Reads out deployments whose status changed between two snapshots.
import { useEffect, useRef } from 'react';
import type { DeploymentView } from '../../electron/shared/model';
import { formatStatus } from '../../electron/shared/i18n/format';
import { useTexts } from '../i18n/texts';
import { useAnnounce } from './announcer';

const statusOf = (d: DeploymentView) => `${d.statusKind}:${d.fields?.status ?? ''}`;

export function useStatusAnnouncements(deployments: DeploymentView[]) {
  const { locale, t } = useTexts();
  const announce = useAnnounce();
  const previous = useRef<Map<string, string> | null>(null);

  useEffect(() => {
    const before = previous.current;
    previous.current = new Map(deployments.map((d) => [d.key, statusOf(d)]));
    // The first snapshot is the starting point, not news.
    if (!before) return;
    const changed = deployments.filter(
      (d) => before.has(d.key) && before.get(d.key) !== statusOf(d),
    );
    if (changed.length === 0) return;
    announce(
      changed
        .map((d) =>
          t('window.live.statusChanged', {
            name: d.name,
            status: formatStatus(locale, d.statusKind, d.fields?.status),
          }),
        )
        .join(' '),
    );
  }, [deployments, announce, locale, t]);
}
