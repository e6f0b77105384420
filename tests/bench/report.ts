// The report: the JSON rows, and the same figures as a markdown table.
import type { BenchRow } from './bench';
import type { LatencyStats } from './metrics';
import { appChecks, readsPerHour } from './requirements';

export function toJson(rows: readonly BenchRow[]): string {
  return `${JSON.stringify({ scenarios: rows.map((r) => r.result) }, null, 2)}\n`;
}

function latency(s: LatencyStats): string {
  return s.median === null ? '–' : `${s.median} / ${s.p95} / ${s.max}`;
}

export function toMarkdownTable(rows: readonly BenchRow[]): string {
  const head = [
    'scenario',
    'strategy',
    'hours',
    'reads',
    'writes',
    'max reads/h',
    'max writes/h',
    '429s',
    'changes ext / user',
    'missed',
    'notifications',
    'duplicates',
    'latency ext s (median / p95 / max)',
    'latency user s (median / p95 / max)',
  ];
  const body = rows.map(({ result: r }) => [
    r.name,
    r.strategy,
    String(r.hours),
    String(r.requests.read),
    String(r.requests.write),
    String(r.maxRequestsInAnyHour.read),
    String(r.maxRequestsInAnyHour.write),
    String(r.http429),
    `${r.changes.external} / ${r.changes.userInitiated}`,
    String(r.missedChanges),
    String(r.notifications),
    String(r.duplicateNotifications),
    latency(r.detectionLatencySeconds.external),
    latency(r.detectionLatencySeconds.userInitiated),
  ]);
  return markdownTable(head, body);
}

/** A table with padded columns, the way Prettier writes one, so the file stays as generated. */
export function markdownTable(
  head: readonly string[],
  body: readonly (readonly string[])[],
): string {
  const widths = head.map((h, i) =>
    Math.max(3, h.length, ...body.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 3)).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return `${[line(head), rule, ...body.map(line)].join('\n')}\n`;
}

/**
 * The app's row of every scenario against the figures required of it: the requirement in the
 * header, what was achieved in the cell, and a verdict that says plainly what was not met.
 */
export function toRequirementsTable(rows: readonly BenchRow[]): string {
  const apps = rows.filter((r) => r.result.strategy === 'app');
  const first = apps[0];
  if (first === undefined) return '';
  const heads = appChecks(first);
  const head = [
    'scenario',
    ...heads.map((c) => `${c.figure} (${c.required})`),
    'reads/h',
    'verdict',
  ];
  const body = apps.map((row) => {
    const checks = appChecks(row);
    const cells = checks.map((c, i) =>
      c.required === heads[i]?.required ? c.achieved : `${c.achieved} (${c.required})`,
    );
    const unmet = checks.filter((c) => !c.met);
    const verdict =
      unmet.length === 0
        ? 'met'
        : unmet
            .map((c) => `${c.unreachable === undefined ? 'NOT MET' : 'out of reach'}: ${c.figure}`)
            .join('; ');
    return [
      row.result.name,
      ...cells,
      (Math.round(readsPerHour(row) * 10) / 10).toString(),
      verdict,
    ];
  });
  return markdownTable(head, body);
}
