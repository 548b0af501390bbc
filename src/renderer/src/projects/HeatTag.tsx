import { Progress, Space, Tag, Tooltip, Typography } from 'antd'
import type { DealHeatPercent } from '../../../shared/grading/dealHeat'

const colors: Record<DealHeatPercent, string> = {
  90: '#cf1322',
  70: '#fa541c',
  50: '#faad14',
  30: '#1677ff',
  10: '#8c8c8c',
}

/** The conditions of a heat reason, without the "70%：" it starts with. */
export function heatConditions(reason: string): string {
  return reason.replace(/^\d+%：/, '')
}

/** 成交热度 as a coloured tag; the reason shows on hover. */
export function HeatTag(props: { heat: DealHeatPercent; reason: string }): React.JSX.Element {
  return (
    <Tooltip title={props.reason}>
      <Tag color={colors[props.heat]} style={{ minWidth: 44, textAlign: 'center' }} data-testid="heat-tag">
        {props.heat}%
      </Tag>
    </Tooltip>
  )
}

/** 成交热度 as a bar with its reason spelled out ("70%：标书中有我司产品，甲方主动推荐"). */
export function HeatWithReason(props: { heat: DealHeatPercent; reason: string }): React.JSX.Element {
  return (
    <Space size={8} align="center" data-testid="heat-reason">
      <Progress
        percent={props.heat}
        steps={5}
        size="small"
        strokeColor={colors[props.heat]}
        format={(value) => `${value}%`}
        aria-label={`成交热度 ${props.heat}%`}
      />
      <Typography.Text type="secondary">{heatConditions(props.reason)}</Typography.Text>
    </Space>
  )
}
