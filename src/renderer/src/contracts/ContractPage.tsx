import { DeleteOutlined, DollarOutlined, EditOutlined, LeftOutlined, ScheduleOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Result,
  Space,
  Spin,
  Statistic,
  Tooltip,
  Typography,
} from 'antd'
import { useState } from 'react'
import type { ContractDetail, Instalment } from '../../../shared/salesContract'
import { call, errorMessage } from '../api/client'
import { useLiveRefresh } from '../api/liveUpdates'
import { useQuery } from '../api/useQuery'
import { formatAmount } from '../activity/activityHelpers'
import { navigate } from '../app/navigate'
import { today } from '../customers/card/cardValues'
import { ContractForm } from './ContractForm'
import { ContractLinesTable } from './ContractLinesTable'
import { ContractStatusTag } from './ContractStatusTag'
import { InstalmentsTable } from './InstalmentsTable'
import { PaymentForm } from './PaymentForm'
import { PaymentsList } from './PaymentsList'
import { PlanEditor } from './PlanEditor'
import './contracts.css'

const dash = <span className="kq-card-empty">—</span>

/** Why a contract takes no 回款 now, or null when it does. */
function noPaymentsReason(contract: ContractDetail): string | null {
  if (contract.status === '草拟') return '合同还是草拟状态，改为执行中后才能登记回款'
  if (contract.status === '已终止') return '合同已终止，不能再登记回款'
  return null
}

/**
 * 合同详情 (#/contracts/<id>): 金额, 已收, 应收 on top; the 回款计划 with each 期次's state and
 * its editor; 登记回款; the contract's 回款记录 and 合同明细 below.
 */
export function ContractPage({ id }: { id: number }): React.JSX.Element {
  const load = useQuery('contracts.get', { id })
  const { data: contract, error, reload } = load
  const { message } = App.useApp()
  const [editing, setEditing] = useState(false)
  const [planning, setPlanning] = useState(false)
  const [paying, setPaying] = useState<{ instalment?: Instalment } | null>(null)
  const [deleting, setDeleting] = useState(false)
  // Bumped after a payment so the 回款记录 below load again.
  const [paid, setPaid] = useState(0)
  useLiveRefresh(['records'], reload, { customerId: contract?.customerId })

  if (error && !contract) {
    return (
      <Result
        status="warning"
        title="无法打开合同"
        subTitle={error}
        extra={[
          <Button key="retry" type="primary" loading={load.loading} onClick={() => void reload()}>
            重试
          </Button>,
          <Button key="back" onClick={() => navigate('/contracts')}>
            返回合同列表
          </Button>,
        ]}
      />
    )
  }
  if (!contract) return <Spin style={{ display: 'block', margin: '80px auto' }} />

  const remove = async (): Promise<void> => {
    setDeleting(true)
    try {
      await call('contracts.delete', { id })
      message.success(`合同 ${contract.contractNo} 已移到回收站，可在回收站中恢复`)
      navigate('/contracts')
    } catch (failure) {
      message.error(errorMessage(failure))
      setDeleting(false)
    }
  }
  const blocked = noPaymentsReason(contract)
  const payButton = (
    <Button icon={<DollarOutlined />} disabled={blocked !== null} onClick={() => setPaying({})}>
      登记回款
    </Button>
  )

  return (
    <div className="kq-contract-page">
      <div className="kq-contract-header">
        <Space wrap>
          <Tooltip title="返回合同列表">
            <Button type="text" icon={<LeftOutlined />} aria-label="返回合同列表" href="#/contracts" />
          </Tooltip>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {contract.contractNo} {contract.name}
          </Typography.Title>
          <ContractStatusTag status={contract.status} />
          <a href={`#/customers/${contract.customerId}`}>{contract.customerName}</a>
        </Space>
        <Space wrap>
          {blocked ? <Tooltip title={blocked}>{payButton}</Tooltip> : payButton}
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            编辑
          </Button>
          <Popconfirm
            title={`删除合同 ${contract.contractNo}？`}
            description="合同连同它的回款计划和回款记录不再显示，也不再计入应收。"
            okText="删除"
            cancelText="取消"
            okButtonProps={{ danger: true, loading: deleting }}
            onConfirm={() => remove()}
          >
            <Button danger icon={<DeleteOutlined />}>
              删除
            </Button>
          </Popconfirm>
        </Space>
      </div>

      <div className="kq-contract-amounts" aria-label="合同金额">
        <Statistic title="合同金额" prefix="¥" value={formatAmount(contract.amount)} />
        <Statistic title="已收" prefix="¥" value={formatAmount(contract.receivedAmount)} />
        <Statistic
          title="应收"
          prefix="¥"
          value={formatAmount(contract.receivable)}
          styles={{ content: contract.receivable > 0 ? { color: '#cf1322' } : undefined }}
        />
        <Statistic title="已排入回款计划" prefix="¥" value={formatAmount(contract.plannedAmount)} />
      </div>
      {contract.overReceived > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`超收 ¥${formatAmount(contract.overReceived)}：已收超过合同金额，多收部分请退回或转入其他合同`}
        />
      )}

      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} className="kq-contract-section">
        <Descriptions.Item label="客户">
          <a href={`#/customers/${contract.customerId}`}>{contract.customerName}</a>
        </Descriptions.Item>
        <Descriptions.Item label="签订日期">{contract.signedOn ?? dash}</Descriptions.Item>
        <Descriptions.Item label="起止">
          {contract.startOn || contract.endOn ? `${contract.startOn ?? '—'} 至 ${contract.endOn ?? '—'}` : dash}
        </Descriptions.Item>
        <Descriptions.Item label="结算方式">{contract.settlementLabel ?? dash}</Descriptions.Item>
        <Descriptions.Item label="项目">{contract.projectName ?? dash}</Descriptions.Item>
        <Descriptions.Item label="业务员">{contract.staffLabel ?? dash}</Descriptions.Item>
        <Descriptions.Item label="备注">{contract.remarks ?? dash}</Descriptions.Item>
        <Descriptions.Item label="最后修改">
          {contract.updatedByName ? `${contract.updatedByName} · ` : ''}
          {contract.updatedAt}
        </Descriptions.Item>
      </Descriptions>

      <Card
        size="small"
        title="回款计划"
        className="kq-contract-section"
        extra={
          planning ? null : (
            <Button size="small" icon={<ScheduleOutlined />} onClick={() => setPlanning(true)}>
              编辑回款计划
            </Button>
          )
        }
      >
        {planning ? (
          <PlanEditor
            contract={contract}
            onCancel={() => setPlanning(false)}
            onSaved={() => {
              setPlanning(false)
              void reload()
            }}
            onReload={() => {
              setPlanning(false)
              void reload()
            }}
          />
        ) : (
          <InstalmentsTable
            instalments={contract.instalments}
            today={today()}
            onPay={blocked ? undefined : (instalment) => setPaying({ instalment })}
          />
        )}
      </Card>

      <Card size="small" title="回款记录" className="kq-contract-section">
        <PaymentsList key={paid} contractId={id} onChanged={() => void reload()} />
      </Card>

      <Card size="small" title="合同明细" className="kq-contract-section">
        <ContractLinesTable lines={contract.lines} amount={contract.amount} />
      </Card>

      {editing && (
        <ContractForm
          record={contract}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false)
            void reload()
          }}
        />
      )}
      {paying && (
        <PaymentForm
          contract={contract}
          instalment={paying.instalment}
          onClose={() => setPaying(null)}
          onSaved={() => {
            setPaying(null)
            setPaid((n) => n + 1)
            void reload()
          }}
        />
      )}
    </div>
  )
}
