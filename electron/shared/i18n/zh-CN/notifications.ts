// 简体中文: the notifications area. Same keys and placeholders as the English file.
import type { notifications as en } from '../en/notifications';

export const notifications = {
  'notifications.became-running.title': '运行中：{name}',
  'notifications.became-running.body': '客户端现在可以重新连接了。',
  'notifications.became-stopped.title': '已停止：{name}',
  'notifications.became-stopped.body': '部署已停止，所有客户端均已断开。',
  'notifications.unexpected-stop.title': '意外停止：{name}',
  'notifications.unexpected-stop.body':
    '并非通过本应用停止。达到消费上限或账单欠费都可能导致部署停止，请在 EMQX Cloud 控制台查看费用情况。',
  'notifications.failed.title': '异常：{name}',
  'notifications.failed.body': 'EMQX Cloud 报告该部署状态异常，请在 EMQX Cloud 控制台中查看。',
  'notifications.not-found.title': '未找到：{name}',
  'notifications.not-found.body':
    '该 API Key 已看不到这个部署：它可能已被删除，或该 API Key 失去了所在项目的访问权限。已停止检查该部署。',
  'notifications.credentials-rejected.title': 'EMQX Cloud 拒绝了账号“{account}”的 API Key',
  'notifications.credentials-rejected.body': '已停止检查该账号。{problem}',
  'notifications.connection-problem.title': '无法检查账号“{account}”',
  'notifications.connection-problem.body': '显示的状态可能已过时。{problem}',

  'notifications.group.title.deployments': '{count} 个部署的状态有变化',
  'notifications.group.title.mixed': 'EMQX Cloud 有 {count} 条更新',
  'notifications.group.more': '……另有 {count} 项',
} as const satisfies Record<keyof typeof en, string>;
