import { Alert, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd'
import { useState } from 'react'
import { FormModal } from '../activity/FormModal'
import { computeDealHeat, dealHeatFacts, projectStages, tenderFacts } from '../../../shared/grading/dealHeat'
import { editedKeys } from '../../../shared/editedKeys'
import { projectUpdateInput, type Project } from '../../../shared/project'
import { useDictOptions } from '../activity/activityHelpers'
import { formFields, formValues, saveRecord, useLatestRecord, type FormValuesOf } from '../activity/recordForm'
import { isoDateItemProps } from '../customers/card/dateInput'
import { CustomerPicker, type CustomerOption } from './CustomerPicker'
import { HeatWithReason } from './HeatTag'

const valueKeys = editedKeys(projectUpdateInput)

type ProjectFormValues = FormValuesOf<Project, (typeof valueKeys)[number]>

const stageOptions = projectStages.map((stage) => ({ value: stage, label: stage }))
const factOptions = tenderFacts.map((fact) => ({ value: fact.key, label: fact.label }))

const isOption = (option: CustomerOption | null | undefined): option is CustomerOption => !!option

/**
 * 新建项目 / 修改项目 in a Modal. The heat shown while ticking comes from the same
 * computeDealHeat the core stores, with the chosen customers' current 客情 levels.
 */
export function ProjectForm(props: {
  open: boolean
  /** The customer whose page this is: the new project's 甲方 until changed. */
  customer?: CustomerOption
  record: Project | undefined
  onClose: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { open, customer, onClose, onSaved } = props
  const [form] = Form.useForm<ProjectFormValues>()
  const { record, reload } = useLatestRecord('projects', props.record)
  const staff = useDictOptions('staff')
  const ownerInitial: CustomerOption | undefined = record
    ? { value: record.ownerCustomerId, label: record.ownerName, level: record.ownerLevel }
    : customer
  const contractorInitial: CustomerOption | undefined =
    record?.contractorCustomerId && record.contractorName
      ? { value: record.contractorCustomerId, label: record.contractorName, level: record.contractorLevel }
      : undefined
  const [owner, setOwner] = useState<CustomerOption | null>(ownerInitial ?? null)
  const [contractor, setContractor] = useState<CustomerOption | null>(contractorInitial ?? null)
  const stage = Form.useWatch('stage', form) ?? record?.stage ?? '信息收集'
  const ticked = Form.useWatch('tenderFacts', form) ?? record?.tenderFacts ?? []
  const ownerId = Form.useWatch('ownerCustomerId', form)
  const preview = computeDealHeat(dealHeatFacts(stage, ticked, owner?.level ?? null, contractor?.level ?? null))

  const submit = async (values: ProjectFormValues): Promise<string> => {
    const fields = formFields(values, valueKeys, {
      name: '',
      ownerCustomerId: 0,
      stage: '信息收集',
      tenderFacts: [],
    })
    await saveRecord('projects', record, fields, {})
    return record ? '已保存项目' : '已新建项目'
  }

  return (
    <FormModal<ProjectFormValues>
      options={staff.load}
      form={form}
      open={open}
      title={record ? '修改项目' : '新建项目'}
      width={760}
      labelWidth="96px"
      initialValues={formValues(record, valueKeys, {
        ownerCustomerId: customer?.value ?? null,
        stage: '信息收集',
        tenderFacts: [],
      })}
      preserve={false}
      onClose={onClose}
      submit={submit}
      onDone={onSaved}
      reload={
        reload && {
          load: async () => {
            const latest = await reload()
            // The heat preview follows the parties' 客情 levels as now stored.
            setOwner({ value: latest.ownerCustomerId, label: latest.ownerName, level: latest.ownerLevel })
            setContractor(
              latest.contractorCustomerId && latest.contractorName
                ? { value: latest.contractorCustomerId, label: latest.contractorName, level: latest.contractorLevel }
                : null,
            )
            return formValues(latest, valueKeys)
          },
          fields: {
            name: '项目名称',
            ownerCustomerId: { label: '甲方', choices: [owner, contractor, ownerInitial].filter(isOption) },
            contractorCustomerId: { label: '乙方', choices: [contractor, owner, contractorInitial].filter(isOption) },
            stage: '阶段',
            budget: '预算',
            startedAt: '开始日期',
            expectedDate: '预计成交',
            decisionMakers: '决策人',
            competitorBrands: '竞争品牌',
            tenderFacts: { label: '标书情况', choices: factOptions },
            staffId: { label: '业务员', choices: staff.options },
            note: '备注',
          },
        }
      }
    >
      <Form.Item name="name" label="项目名称" rules={[{ required: true, whitespace: true, message: '请填写项目名称' }]}>
        <Input aria-label="项目名称" maxLength={100} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="ownerCustomerId" label="甲方" rules={[{ required: true, message: '请选择甲方' }]}>
            {/* Again after 重新载入, so the reloaded 甲方 shows by name. */}
            <CustomerPicker key={record?.version} ariaLabel="甲方" initial={ownerInitial} onPicked={setOwner} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="contractorCustomerId" label="乙方" labelCol={{ flex: '64px' }}>
            <CustomerPicker
              key={record?.version}
              ariaLabel="乙方"
              initial={contractorInitial}
              exclude={ownerId}
              placeholder="安装公司 / 承包商，可不填"
              onPicked={setContractor}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="stage" label="阶段">
            <Select aria-label="阶段" options={stageOptions} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="budget" label="预算" labelCol={{ flex: '64px' }}>
            <InputNumber aria-label="预算" min={0} precision={2} style={{ width: '100%' }} suffix="元" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="startedAt" label="开始日期" {...isoDateItemProps}>
            <DatePicker aria-label="开始日期" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="expectedDate" label="预计成交" labelCol={{ flex: '64px' }} {...isoDateItemProps}>
            <DatePicker aria-label="预计成交日期" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="decisionMakers" label="决策人">
        <Input aria-label="决策人及影响人" maxLength={500} placeholder="决策人及影响人，如：后勤处李处长（决策）" />
      </Form.Item>
      <Form.Item name="competitorBrands" label="竞争品牌">
        <Input aria-label="竞争品牌" maxLength={500} placeholder="如：格力、美的" />
      </Form.Item>
      <Form.Item name="tenderFacts" label="标书情况">
        <Checkbox.Group aria-label="标书情况" className="kq-tender-facts" options={factOptions} />
      </Form.Item>
      <Form.Item label="成交热度">
        <HeatWithReason heat={preview.percent} reason={preview.reason} />
      </Form.Item>
      {(!owner?.level || (contractor !== null && !contractor.level)) && (
        <Form.Item label=" " colon={false}>
          <Alert
            type="info"
            showIcon
            title="成交热度还取决于甲方、乙方的客情关系等级：尚未评估的客户不满足任何等级条件，可在客户的「客情评估」中评估。"
          />
        </Form.Item>
      )}
      <Form.Item name="staffId" label="业务员">
        <Select
          aria-label="业务员"
          allowClear
          placeholder="请选择"
          options={staff.options.filter((o) => !o.disabled || o.value === record?.staffId)}
          style={{ width: 240 }}
        />
      </Form.Item>
      <Form.Item name="note" label="备注">
        <Input.TextArea aria-label="备注" autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
    </FormModal>
  )
}
