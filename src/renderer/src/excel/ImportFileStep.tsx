import { DownloadOutlined, InboxOutlined } from '@ant-design/icons'
import { App, Button, Radio, Space, Spin, Typography, Upload } from 'antd'
import { useState } from 'react'
import type { ImportOpenOutput } from '../../../shared/excelImport'
import { importKindLabels, importKinds, type ImportKind } from '../../../shared/excelImportFields'
import { call, errorMessage } from '../api/client'
import { fileToBase64, saveBytes } from '../files/saveFile'

const kindHints: Record<ImportKind, string> = {
  customers: '每行一个客户，可带一位联系人。',
  sales: '每行一笔交易，按客户编号或客户名称找到客户。',
  interactions: '每行一条交往记录（日期、交往方式、主题、内容、业务员），按客户编号或客户名称找到客户。',
}

/** Step 1: what is imported, the template, and the file (.xlsx or .csv, UTF-8 or GBK). */
export function ImportFileStep(props: {
  kind: ImportKind
  onKind: (kind: ImportKind) => void
  onOpened: (opened: ImportOpenOutput) => void
}): React.JSX.Element {
  const { message } = App.useApp()
  const [reading, setReading] = useState(false)

  const open = async (file: File): Promise<void> => {
    setReading(true)
    try {
      const base64 = await fileToBase64(file)
      props.onOpened(await call('import.open', { kind: props.kind, fileName: file.name, base64 }))
    } catch (error) {
      void message.error(errorMessage(error))
    } finally {
      setReading(false)
    }
  }

  const downloadTemplate = async (): Promise<void> => {
    try {
      const template = await call('import.template', { kind: props.kind })
      saveBytes(template.fileName, template.base64)
    } catch (error) {
      void message.error(errorMessage(error))
    }
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space size={24} wrap>
        <Space>
          <Typography.Text>导入内容：</Typography.Text>
          <Radio.Group
            value={props.kind}
            onChange={(e) => props.onKind(e.target.value as ImportKind)}
            optionType="button"
            options={importKinds.map((kind) => ({ value: kind, label: importKindLabels[kind] }))}
          />
        </Space>
        <Button icon={<DownloadOutlined />} onClick={() => void downloadTemplate()}>
          下载导入模板
        </Button>
      </Space>
      <Spin spinning={reading} description="正在读取文件…">
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            void open(file)
            return false
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或把文件拖到这里</p>
          <p className="ant-upload-hint">
            支持 Excel（.xlsx）和 CSV（UTF-8 或 GBK 编码）；读取第一个工作表，表头上方的标题行和空行会自动跳过。
            {kindHints[props.kind]}
          </p>
        </Upload.Dragger>
      </Spin>
    </Space>
  )
}
