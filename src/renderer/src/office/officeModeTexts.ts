import type { OfficeMode } from '../../../shared/office'

/** How the 办公室共享 choices are named and what each means, in one sentence. */
export const officeModeChoices: { mode: OfficeMode; title: string; meaning: string }[] = [
  {
    mode: 'single',
    title: '单机（默认）',
    meaning: '客户资料只保存在这台电脑上，只在这台电脑上使用。',
  },
  {
    mode: 'host',
    title: '主机',
    meaning:
      '这台电脑保存全办公室的客户资料，其他电脑连接它一起使用；大家工作时它必须开着（关闭窗口后程序留在托盘里即可）。',
  },
  {
    mode: 'client',
    title: '连接到主机',
    meaning: '这台电脑不保存客户资料，使用主机上的资料；它原有的本机资料原样保留，改回「单机」后就会回来。',
  },
]
