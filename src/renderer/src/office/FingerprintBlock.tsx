import { CopyOutlined } from '@ant-design/icons'
import { App, Button } from 'antd'
import { copyText } from '../greetings/copyText'
import './office.css'

/** 32 pairs in four rows of eight: short enough to compare row by row with another screen. */
export function fingerprintRows(fingerprint: string): string {
  const pairs = fingerprint.split(':')
  const rows: string[] = []
  for (let i = 0; i < pairs.length; i += 8) rows.push(pairs.slice(i, i + 8).join(':'))
  return rows.join('\n')
}

/** A certificate fingerprint as both PCs show it, with 复制 (to send it to a colleague). */
export function FingerprintBlock({ fingerprint }: { fingerprint: string }): React.JSX.Element {
  const { message } = App.useApp()
  const copy = async (): Promise<void> => {
    if (await copyText(fingerprint)) message.success('已复制证书指纹')
    else message.error('复制失败，请手动抄写')
  }
  return (
    <div className="kq-fingerprint">
      <pre aria-label="证书指纹">{fingerprintRows(fingerprint)}</pre>
      <Button icon={<CopyOutlined />} onClick={() => void copy()}>
        复制
      </Button>
    </div>
  )
}
