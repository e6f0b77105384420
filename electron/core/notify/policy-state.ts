import type { AccountView, DeploymentView } from '../../shared/model';

/** The part of the app's state the notification policy compares. */
export interface PolicyState {
  accounts: AccountView[];
  deployments: DeploymentView[];
}
