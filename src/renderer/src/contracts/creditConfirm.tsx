import type { App } from 'antd'
import { ApiError } from '../api/client'

type ModalApi = ReturnType<typeof App.useApp>['modal']

/** The core refused a contract save because its customer's 应收 would pass the 信用额度. */
export function isOverLimit(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === 'CONFLICT' && error.fields?.confirmOverLimit !== undefined
}

/**
 * Says the core's reckoning (信用额度, 现有应收, this contract, by how much it is over) and
 * resolves true when a user who may confirm chose 仍然保存; anyone else is told who can.
 */
export function askOverLimit(modal: ModalApi, refusal: string, mayConfirm: boolean): Promise<boolean> {
  const reckoning = refusal.replace(/^超出信用额度：/, '').replace(/。?需由主管或管理员确认后保存$/, '。')
  return new Promise((resolve) => {
    if (!mayConfirm) {
      modal.warning({
        title: '超出信用额度，合同未保存',
        content: `${reckoning}需由主管或管理员确认后才能保存，请联系他们或调整合同金额。`,
        okText: '知道了',
        onOk: () => resolve(false),
      })
      return
    }
    modal.confirm({
      title: '超出信用额度，仍然保存？',
      content: `${reckoning}确认后合同照常保存，应收将超过该客户的信用额度。`,
      okText: '仍然保存',
      okButtonProps: { danger: true },
      cancelText: '返回修改',
      autoFocusButton: 'cancel',
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    })
  })
}
