// 简体中文: the errors area. Same keys and placeholders as the English file.
import type { errors as en } from '../en/errors';

export const errors = {
  'problem.AuthFailed':
    'EMQX Cloud 拒绝了该 API Key（401）：Key 或 Secret 不正确，或已被撤销。请使用在 EMQX Cloud 控制台「设置 → 平台 API Key」中创建的 Key 和 Secret，而不是某个部署的 App ID 和 App Secret。',
  'problem.Forbidden':
    '该 API Key 缺少权限（403）。请在控制台「设置 → 平台 API Key」中编辑它：在「功能范围」中勾选部署管理，在「项目范围」中添加要关注的项目。',
  'problem.NotFound':
    'EMQX Cloud 中没有这个部署，或者该 API Key 无权查看它（404）。请核对部署 ID 以及该 API Key 可访问的项目。',
  'problem.InvalidState':
    '部署当前的状态不允许此操作，EMQX Cloud 已拒绝（422）。请刷新，待状态稳定后再试。',
  'problem.RateLimited': '已达到 EMQX Cloud 的请求次数上限，将于 {time} 恢复检查。',
  'problem.ServerError': 'EMQX Cloud 服务端出错，稍后会自动重试。',
  'problem.BadResponse':
    '无法解析 EMQX Cloud 返回的内容。可能是代理或防火墙拦截了请求，也可能是 API 地址填写有误。',
  'problem.Timeout': 'EMQX Cloud 响应超时。请检查网络连接，稍后会自动重试。',
  'problem.NetworkError': '无法连接到 EMQX Cloud。请检查网络连接、代理设置和 API 地址。',
  'problem.InvalidInput': '部分输入内容无效，请检查标出的字段。',
  'problem.Aborted': '请求已取消。',
  'problem.Offline': '当前没有网络连接，恢复联网后会继续检查。',
  'problem.KeychainUnavailable':
    '系统钥匙串不可用，无法保存 Secret。您可以仅在本次运行期间使用它，或者配置好钥匙串（Linux 上可使用 GNOME Keyring 等 Secret Service）后重启应用。',
  'problem.KeychainLocked': '系统钥匙串已锁定，请解锁后重试。',
  'problem.RateLimited.noTime': '已达到 EMQX Cloud 的请求次数上限，限制解除后会自动恢复检查。',

  'block.wrong-state': '当前状态（{status}）下不可用',
  'block.in-flight': '已有启动或停止请求正在进行',
  'block.window': '{time} 后可启动或停止',
  'block.rate-limited': '已达到 EMQX Cloud 的请求次数上限，请稍后再试',
  'block.rate-limited.until': '已达到 EMQX Cloud 的请求次数上限，{time} 后恢复',
  'block.account-problem': '请先处理账号的问题',
  'block.offline': '离线时不可用',
  'block.unknown-status': '状态未知，暂不提供此操作',
  'block.not-checked': '完成状态检查后可用',
  'block.not-found': '未找到该部署',

  'errors.invalidRequest': '{field} 的值无效。',
  'errors.invalidDeploymentId': '部署 ID 无效。请从 EMQX Cloud 控制台的部署概览页复制。',
  'errors.invalidBaseUrl': 'API 地址必须以 https:// 开头，并以 /public_api/v1 结尾。',
  'errors.unknown': '出了点问题，请重试。',
  'errors.unknownAccount': '该账号已不存在，可能已在其他窗口中移除。',
  'errors.unknownDeployment': '该部署已不在监视列表中。',
  'errors.accountNeedsSecret':
    '此电脑上没有该账号的 Secret。请在「设置 → 账号」中重新输入 Secret。',
  'errors.undoExpired': '已超过可撤销的时间。请重新添加该部署。',
  'errors.untrustedSender': '请求来自不属于本应用的页面，已忽略。',
} as const satisfies Record<keyof typeof en, string>;
