import { Form, Select } from 'antd'

/** The 业务员 of a 交往记录, in 登记交往 and in 完成提醒 alike. */
export function StaffField({ options }: { options: { value: number; label: string }[] }): React.JSX.Element {
  return (
    <Form.Item name="staffId" label="业务员">
      <Select
        aria-label="业务员"
        allowClear
        placeholder="请选择"
        showSearch={{ optionFilterProp: 'label' }}
        options={options}
        notFoundContent="请先在系统设置 → 系统字典中添加业务员"
        style={{ width: 220 }}
      />
    </Form.Item>
  )
}
