// English strings for native notifications: a title and a body per kind. A grouped
// notification lists each change by its single title.
export const notifications = {
  'notifications.became-running.title': 'Running: {name}',
  'notifications.became-running.body': 'Clients can connect to it again.',
  'notifications.became-stopped.title': 'Stopped: {name}',
  'notifications.became-stopped.body': 'The deployment is stopped; its clients are disconnected.',
  'notifications.unexpected-stop.title': 'Stopped unexpectedly: {name}',
  'notifications.unexpected-stop.body':
    'Nobody stopped it from this app. A spend limit or an unpaid bill can stop a deployment; check billing in the EMQX Cloud console.',
  'notifications.failed.title': 'Failed: {name}',
  'notifications.failed.body':
    'EMQX Cloud reports the deployment as failed. Check it in the EMQX Cloud console.',
  'notifications.not-found.title': 'Not found: {name}',
  'notifications.not-found.body':
    'This API key no longer sees the deployment: it was deleted, or the key lost access to its project. Checks for it have stopped.',
  'notifications.credentials-rejected.title': 'EMQX Cloud rejected the key of {account}',
  'notifications.credentials-rejected.body': 'Checks for this account have stopped. {problem}',
  'notifications.connection-problem.title': 'Cannot check {account}',
  'notifications.connection-problem.body': 'The statuses shown may be out of date. {problem}',

  'notifications.group.title.deployments': '{count} deployments changed state',
  'notifications.group.title.mixed': '{count} updates from EMQX Cloud',
  'notifications.group.more': '…and {count} more',
} as const;
