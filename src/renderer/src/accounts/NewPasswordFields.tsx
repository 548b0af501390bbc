import { Form, Input, type FormRule } from 'antd'
import { minPasswordLength } from '../../../shared/accounts'

/** The contract's password rule, checked in the form before the core checks it again. */
const newPasswordRules: FormRule[] = [
  { required: true, message: '请填写密码' },
  { min: minPasswordLength, message: `密码至少 ${minPasswordLength} 位` },
  { max: 128, message: '密码最多 128 位' },
]

/** The second entry of a new password must match the first (field `name`). */
function repeatPasswordRules(name: string): FormRule[] {
  return [
    { required: true, message: '请再输一次密码' },
    ({ getFieldValue }) => ({
      validator: async (_rule, value) => {
        if (value && value !== getFieldValue(name)) throw new Error('两次输入的密码不一致')
      },
    }),
  ]
}

/** A new password and its second entry (`repeat`), as every account form asks for one. */
export function NewPasswordFields({
  name = 'password',
  label,
}: {
  name?: string
  label: '密码' | '新密码'
}): React.JSX.Element {
  return (
    <>
      <Form.Item label={label} name={name} rules={newPasswordRules}>
        <Input.Password autoComplete="new-password" aria-label={label} />
      </Form.Item>
      <Form.Item label="再输一次" name="repeat" dependencies={[name]} rules={repeatPasswordRules(name)}>
        <Input.Password autoComplete="new-password" aria-label={`再输一次${label}`} />
      </Form.Item>
    </>
  )
}
