import { Alert, Button, Space } from 'antd'
import dayjs from 'dayjs'
import type { CardDraft } from './useCardDraft'

/** 恢复草稿 / 丢弃: the new card left unsaved last time, offered above a blank one. */
export function CardDraftOffer(props: {
  draft: CardDraft
  onRestore: () => void
  onDiscard: () => void
}): React.JSX.Element {
  const { draft, onRestore, onDiscard } = props
  const name = draft.values.name?.trim()
  return (
    <Alert
      type="info"
      showIcon
      role="region"
      aria-label="未保存的草稿"
      title={`有一张未保存的新客户登记卡${name ? `「${name}」` : ''}（${dayjs(draft.savedAt).format('M月D日 HH:mm')}）`}
      action={
        <Space>
          <Button size="small" type="primary" onClick={onRestore}>
            恢复草稿
          </Button>
          <Button size="small" onClick={onDiscard}>
            丢弃
          </Button>
        </Space>
      }
      style={{ margin: '0 0 12px' }}
    />
  )
}
