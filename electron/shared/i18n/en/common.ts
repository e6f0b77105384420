// English strings shared by every surface: the app's name, statuses, deployment types,
// operations, sites and the few buttons every dialog has.
export const common = {
  'common.appName': 'EMQX Cloud Tray',
  'common.demo': 'Demo',
  'common.cancel': 'Cancel',
  'common.retry': 'Retry',
  'common.justNow': 'just now',

  'status.running': 'Running',
  'status.starting': 'Starting',
  'status.stopped': 'Stopped',
  'status.pending': 'Pending',
  'status.stopping': 'Stopping',
  'status.failed': 'Failed',
  'status.unknown': 'Unknown ({status})',
  'status.not-found': 'Not found',
  'status.unchecked': 'Not checked yet',

  'deploymentType.dedicated': 'Dedicated',
  'deploymentType.serverless': 'Serverless',
  'deploymentType.dedicatedFlex': 'Dedicated Flex',

  'op.start': 'Start',
  'op.stop': 'Stop',

  'site.international': 'International',
  'site.china': 'China',
  'site.custom': 'Custom',
} as const;
