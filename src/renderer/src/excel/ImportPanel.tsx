import { App, Card, Steps } from 'antd'
import { useState } from 'react'
import type { ImportOpenOutput, ImportPreview } from '../../../shared/excelImport'
import type { ImportKind } from '../../../shared/excelImportFields'
import { call, errorMessage } from '../api/client'
import { ImportFileStep } from './ImportFileStep'
import type { Decisions } from './importDecisions'
import { ImportMappingStep } from './ImportMappingStep'
import { ImportPreviewStep } from './ImportPreviewStep'
import { ImportRunStep } from './ImportRunStep'

// A bad optional value (邮箱「liuyang@」) costs the row that value only, unless the user says otherwise.
const emptyDecisions: Decisions = {
  labelChoices: [],
  duplicateDefault: 'skip',
  duplicateRows: {},
  badValueRows: 'blank',
}

/**
 * 导入: 选择文件 → 字段对应 → 预览与处理 → 导入. The core keeps the file between
 * the steps (a session); each change of a decision plans every row again.
 */
export function ImportPanel(): React.JSX.Element {
  const { message } = App.useApp()
  const [step, setStep] = useState(0)
  const [kind, setKind] = useState<ImportKind>('customers')
  const [opened, setOpened] = useState<ImportOpenOutput | null>(null)
  const [mapping, setMapping] = useState<(string | null)[]>([])
  const [decisions, setDecisions] = useState<Decisions>(emptyDecisions)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [busy, setBusy] = useState(false)

  const plan = async (next: Decisions): Promise<void> => {
    if (!opened) return
    setDecisions(next)
    setBusy(true)
    try {
      setPreview(await call('import.preview', { sessionId: opened.sessionId, mapping, ...next }))
      setStep(2)
    } catch (error) {
      void message.error(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  const restart = () => {
    setOpened(null)
    setPreview(null)
    setDecisions(emptyDecisions)
    setStep(0)
  }

  return (
    <Card size="small" style={{ maxWidth: 1200 }}>
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 20 }}
        items={[{ title: '选择文件' }, { title: '字段对应' }, { title: '预览与处理' }, { title: '导入' }]}
      />
      {step === 0 && (
        <ImportFileStep
          kind={kind}
          onKind={setKind}
          onOpened={(result) => {
            setOpened(result)
            setMapping(result.mapping)
            setDecisions(emptyDecisions)
            setStep(1)
          }}
        />
      )}
      {step === 1 && opened && (
        <ImportMappingStep
          kind={kind}
          opened={opened}
          mapping={mapping}
          onMapping={setMapping}
          busy={busy}
          onBack={restart}
          onNext={() => void plan(decisions)}
        />
      )}
      {step === 2 && opened && preview && (
        <ImportPreviewStep
          kind={kind}
          preview={preview}
          decisions={decisions}
          busy={busy}
          onDecisions={(next) => void plan(next)}
          onBack={() => setStep(1)}
          onNext={() => setStep(3)}
        />
      )}
      {step === 3 && opened && preview && (
        <ImportRunStep
          sessionId={opened.sessionId}
          input={{ sessionId: opened.sessionId, mapping, ...decisions }}
          preview={preview}
          onBack={() => setStep(2)}
          onRestart={restart}
        />
      )}
    </Card>
  )
}
