import { DatePicker, Form, Input, InputNumber, Radio, Rate, Select } from 'antd'
import { genders } from '../../../../shared/contact'
import { customerKindLabels, customerKinds } from '../../../../shared/customer'
import { citiesOf, districtsOf, provinces } from '../../../../shared/regions'
import type { CardFormValues } from './cardValues'
import type { CardField } from './cardSections'
import { isoDateItemProps } from './dateInput'
import { CalendarDateInput } from './CalendarDateInput'
import { customerRules } from './fieldRules'
import { isDictField, type CardLookups } from './useCardLookups'

const yesNoOptions = [
  { value: true, label: '是' },
  { value: false, label: '否' },
]

interface Props {
  field: CardField
  /** The form's current values: the cascading selects and the dictionary options depend on them. */
  values: CardFormValues
  lookups: CardLookups
}

/** One editable cell of the card: a labelled Form.Item with the widget its field calls for. */
export function CardFieldInput({ field, values, lookups }: Props): React.JSX.Element {
  const { key, label, widget } = field
  const common = { name: key, label, tooltip: field.tooltip, rules: customerRules(key), required: field.required }

  switch (widget.type) {
    case 'text':
      return (
        <Form.Item {...common}>
          <Input aria-label={label} maxLength={key === 'name' ? 100 : undefined} />
        </Form.Item>
      )
    case 'textarea':
      return (
        <Form.Item {...common}>
          <Input.TextArea aria-label={label} autoSize={{ minRows: 1, maxRows: 8 }} />
        </Form.Item>
      )
    case 'dict': {
      const current = values[key as keyof CardFormValues]
      const options = isDictField(key) ? lookups.dictOptions(key, typeof current === 'number' ? current : null) : []
      return (
        <Form.Item {...common}>
          <Select
            aria-label={label}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="请选择"
            options={options}
            notFoundContent={key === 'ownerStaffId' ? '请先在系统设置 → 系统字典中添加业务员' : '没有可选项'}
          />
        </Form.Item>
      )
    }
    case 'choice':
      return (
        <Form.Item {...common}>
          <Select
            aria-label={label}
            allowClear
            placeholder="请选择"
            options={widget.options.map((value) => ({ value, label: value }))}
          />
        </Form.Item>
      )
    case 'integer':
      return (
        <Form.Item {...common}>
          <InputNumber aria-label={label} min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      )
    case 'money':
      return (
        <Form.Item {...common}>
          <InputNumber aria-label={label} min={0} precision={2} suffix="元" style={{ width: '100%' }} />
        </Form.Item>
      )
    case 'date':
      return (
        <Form.Item {...common} {...isoDateItemProps}>
          <DatePicker aria-label={label} style={{ width: '100%' }} />
        </Form.Item>
      )
    case 'stars':
      return (
        <Form.Item {...common}>
          <Rate aria-label={label} />
        </Form.Item>
      )
    case 'yesNo':
      return (
        <Form.Item {...common}>
          <Select aria-label={label} allowClear placeholder="请选择" options={yesNoOptions} />
        </Form.Item>
      )
    case 'gender':
      return (
        <Form.Item {...common}>
          <Select
            aria-label={label}
            allowClear
            placeholder="请选择"
            options={genders.map((g) => ({ value: g, label: g }))}
          />
        </Form.Item>
      )
    case 'kind':
      return (
        <Form.Item {...common}>
          <Radio.Group options={customerKinds.map((k) => ({ value: k, label: customerKindLabels[k] }))} />
        </Form.Item>
      )
    case 'groups':
      return (
        <Form.Item {...common}>
          <Select
            aria-label={label}
            mode="tags"
            placeholder="选择或输入新分组，回车确认"
            options={lookups.groupNames.map((name) => ({ value: name, label: name }))}
            tokenSeparators={[',', '，', '、']}
          />
        </Form.Item>
      )
    case 'division': {
      const options =
        key === 'provinceCode'
          ? provinces
          : key === 'cityCode'
            ? values.provinceCode
              ? citiesOf(values.provinceCode)
              : []
            : values.cityCode
              ? districtsOf(values.cityCode)
              : []
      const parentMissing = (key === 'cityCode' && !values.provinceCode) || (key === 'districtCode' && !values.cityCode)
      return (
        <Form.Item {...common}>
          <Select
            aria-label={label}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            disabled={parentMissing}
            placeholder={parentMissing ? (key === 'cityCode' ? '先选省份' : '先选城市') : '请选择'}
            options={options.map((d) => ({ value: d.code, label: d.name }))}
          />
        </Form.Item>
      )
    }
    case 'calendarDate':
      return (
        <Form.Item label={label} tooltip={field.tooltip}>
          <CalendarDateInput
            path={[key]}
            calendarPath={['birthCalendar']}
            fullPath={[key]}
            fullCalendarPath={['birthCalendar']}
            ariaLabel={label}
            calendarWidth={84}
          />
        </Form.Item>
      )
  }
}
