// 简体中文: the common area. Same keys and placeholders as the English file.
import type { common as en } from '../en/common';

export const common = {
  'common.appName': 'EMQX Cloud Tray',
  'common.demo': '演示',
  'common.cancel': '取消',
  'common.retry': '重试',
  'common.justNow': '刚刚',

  'status.running': '运行中',
  'status.starting': '启动中',
  'status.stopped': '已停止',
  'status.pending': '处理中',
  'status.stopping': '停止中',
  'status.failed': '异常',
  'status.unknown': '未知状态（{status}）',
  'status.not-found': '未找到',
  'status.unchecked': '尚未检查',

  'deploymentType.dedicated': '专有版',
  'deploymentType.serverless': 'Serverless 版',
  'deploymentType.dedicatedFlex': '专有版 Flex',

  'op.start': '启动',
  'op.stop': '停止',

  'site.international': '国际站',
  'site.china': '中国站',
  'site.custom': '自定义',
} as const satisfies Record<keyof typeof en, string>;
