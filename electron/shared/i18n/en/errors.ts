// English strings for problems (`problem.<ProblemKind>`), reasons an operation is not offered
// (`block.<reason>`) and request errors (`errors.*`). Each tells the user what to do next.
export const errors = {
  'problem.AuthFailed':
    'EMQX Cloud rejected the API key or secret (401): it is wrong or has been revoked. Use a Platform API key and its secret from the EMQX Cloud console (Settings → Platform API Key), not the App ID and App Secret of a deployment.',
  'problem.Forbidden':
    'This API key lacks a permission (403). In the console, Settings → Platform API Key, edit the key: under Functionality Scope select Deployment Management, and under Project Scope add the projects to watch.',
  'problem.NotFound':
    'EMQX Cloud does not know this deployment, or this API key cannot see it (404). Check the deployment ID and the projects the key may access.',
  'problem.InvalidState':
    'EMQX Cloud refused because the deployment is not in a state that allows this (422). Refresh and try again once it has settled.',
  'problem.RateLimited': 'EMQX Cloud’s request limit is reached. Checks resume at {time}.',
  'problem.ServerError':
    'EMQX Cloud reported a server error. The check will be retried automatically.',
  'problem.BadResponse':
    'EMQX Cloud sent an answer this app cannot read. A proxy or firewall may be in the way, or the base URL may be wrong.',
  'problem.Timeout':
    'EMQX Cloud did not answer in time. Check your connection; the check will be retried automatically.',
  'problem.NetworkError':
    'EMQX Cloud cannot be reached. Check your internet connection, proxy settings and the base URL.',
  'problem.InvalidInput': 'Some of what was entered is not valid. Check the highlighted field.',
  'problem.Aborted': 'The request was cancelled.',
  'problem.Offline': 'This computer is offline. Checks resume when it is back online.',
  'problem.KeychainUnavailable':
    'The system keychain is not available, so the secret cannot be saved. Keep it for this run only, or set up a keychain (on Linux, a Secret Service such as GNOME Keyring) and restart the app.',
  'problem.KeychainLocked': 'The system keychain is locked. Unlock it, then try again.',
  'problem.RateLimited.noTime':
    'EMQX Cloud’s request limit is reached. Checks resume automatically once it allows them.',

  'block.wrong-state': 'Not available in the current state ({status})',
  'block.in-flight': 'A start or stop request is already in progress',
  'block.window': 'Start/stop available at {time}',
  'block.rate-limited': 'EMQX Cloud’s request limit is reached; try again later',
  'block.rate-limited.until': 'EMQX Cloud’s request limit is reached until {time}',
  'block.account-problem': 'The account needs attention first',
  'block.offline': 'Not available while offline',
  'block.unknown-status': 'Not offered while the status is unknown',
  'block.not-checked': 'Available once the status has been checked',
  'block.not-found': 'The deployment was not found',

  'errors.invalidRequest': 'Invalid value for {field}.',
  'errors.invalidDeploymentId':
    'That is not a valid deployment ID. Copy it from the deployment’s overview in the EMQX Cloud console.',
  'errors.invalidBaseUrl': 'The base URL must start with https:// and end with /public_api/v1.',
  'errors.unknown': 'Something went wrong. Please try again.',
  'errors.unknownAccount':
    'That account no longer exists. It may have been removed in another window.',
  'errors.unknownDeployment': 'That deployment is no longer watched.',
  'errors.accountNeedsSecret':
    'This account has no secret on this computer. Enter the secret again under Settings → Accounts.',
  'errors.undoExpired': 'It is too late to undo that removal. Add the deployment again instead.',
  'errors.untrustedSender':
    'The request came from a page that is not part of the app and was ignored.',
} as const;
