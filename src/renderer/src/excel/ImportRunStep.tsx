import { App, Button, Descriptions, Progress, Result, Space, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import type { ImportDecisions, ImportPreview, ImportProgress } from '../../../shared/excelImport'
import { call, errorMessage } from '../api/client'
import { saveBytes } from '../files/saveFile'

const pollMs = 300

/** Step 4: the commit as one transaction, its progress with 取消, and the outcome. */
export function ImportRunStep(props: {
  sessionId: string
  input: ImportDecisions
  preview: ImportPreview
  onBack: () => void
  onRestart: () => void
}): React.JSX.Element {
  const { message } = App.useApp()
  const [jobId, setJobId] = useState<string | null>(null)
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  const mounted = useRef(true)
  useEffect(
    () => () => {
      mounted.current = false
    },
    [],
  )

  useEffect(() => {
    if (!jobId) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async () => {
      try {
        const next = await call('import.progress', { jobId })
        if (!mounted.current) return
        setProgress(next)
        if (next.state === 'running') timer = setTimeout(() => void poll(), pollMs)
      } catch (error) {
        void message.error(errorMessage(error))
      }
    }
    void poll()
    return () => clearTimeout(timer)
  }, [jobId, message])

  const start = async () => {
    try {
      const started = await call('import.commit', { ...props.input, skipErrorRows: true })
      setJobId(started.jobId)
    } catch (error) {
      void message.error(errorMessage(error))
    }
  }

  const downloadReport = async () => {
    try {
      const report = await call('import.errorReport', { sessionId: props.sessionId })
      saveBytes(report.fileName, report.base64)
    } catch (error) {
      void message.error(errorMessage(error))
    }
  }

  const { counts } = props.preview
  // Imported, but without a bad optional value: listed in the error report too.
  const partial = props.preview.rows.filter((r) => (r.dropped?.length ?? 0) > 0).length
  if (!jobId) {
    return (
      <Space orientation="vertical" size={16}>
        <Descriptions size="small" column={1} bordered style={{ width: 420 }}>
          <Descriptions.Item label="新建">{counts.create} 行</Descriptions.Item>
          <Descriptions.Item label="更新已有客户">{counts.update} 行</Descriptions.Item>
          <Descriptions.Item label="跳过（重复）">{counts.skip} 行</Descriptions.Item>
          <Descriptions.Item label="有问题，不导入">{counts.error} 行</Descriptions.Item>
          {partial > 0 && <Descriptions.Item label="导入，但错误的值留空">{partial} 行</Descriptions.Item>}
        </Descriptions>
        <Typography.Text type="secondary">
          导入是一个整体：全部成功才保存；中途出错或取消，数据库保持导入前的样子。
        </Typography.Text>
        <Space>
          <Button onClick={props.onBack}>上一步</Button>
          <Button type="primary" onClick={() => void start()}>
            开始导入
          </Button>
        </Space>
      </Space>
    )
  }

  if (!progress || progress.state === 'running') {
    const percent = progress && progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0
    return (
      <Space orientation="vertical" size={16} style={{ width: 480 }}>
        <Typography.Text>正在导入… {progress ? `${progress.done} / ${progress.total}` : ''}</Typography.Text>
        <Progress percent={percent} status="active" />
        <Button danger onClick={() => void call('import.cancel', { jobId })}>
          取消
        </Button>
      </Space>
    )
  }

  const result = progress.result
  const reportButton =
    counts.error + partial > 0 ? (
      <Button key="report" onClick={() => void downloadReport()}>
        下载错误报告
      </Button>
    ) : null
  if (progress.state !== 'done' || !result) {
    return (
      <Result
        status={progress.state === 'cancelled' ? 'warning' : 'error'}
        title={progress.state === 'cancelled' ? '导入已取消' : '导入失败'}
        subTitle={progress.message ?? '数据库未做任何修改'}
        extra={[
          reportButton,
          <Button key="again" type="primary" onClick={props.onRestart}>
            重新导入
          </Button>,
        ]}
      />
    )
  }
  return (
    <Result
      status="success"
      title="导入完成"
      subTitle={[
        // A records file creates no customer: its line says how many records instead.
        result.created > 0 || result.sales + result.interactions === 0 ? `新建 ${result.created} 个` : null,
        result.updated > 0 ? `更新 ${result.updated} 个` : null,
        result.contacts > 0 ? `联系人 ${result.contacts} 位` : null,
        result.sales > 0 ? `交易记录 ${result.sales} 笔` : null,
        result.interactions > 0 ? `交往记录 ${result.interactions} 条` : null,
        result.skipped > 0 ? `跳过 ${result.skipped} 行` : null,
        result.errors > 0 ? `有问题未导入 ${result.errors} 行` : null,
        partial > 0 ? `${partial} 行的错误值留空` : null,
        result.createdItems > 0 ? `新建字典项 ${result.createdItems} 个` : null,
      ]
        .filter(Boolean)
        .join('，')}
      extra={[
        result.interactions > 0 ? (
          <Button key="interactions" type="primary" href="#/interactions">
            查看交往记录
          </Button>
        ) : (
          <Button key="customers" type="primary" href="#/customers">
            查看客户
          </Button>
        ),
        reportButton,
        <Button key="again" onClick={props.onRestart}>
          再导入一个文件
        </Button>,
      ]}
    />
  )
}
