import { CloudUploadOutlined, FolderOpenOutlined, SafetyOutlined, UndoOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Input, Space, Switch, Table, Tag, Typography, Upload } from 'antd'
import { useState } from 'react'
import { backupKindLabels, backupTableLabels, backupTables, type BackupInfo } from '../../../shared/backup'
import type { ChannelInput } from '../../../shared/contract'
import { call, errorMessage } from '../api/client'
import { Loaded } from '../api/LoadFailed'
import { useQuery } from '../api/useQuery'
import { fileToBase64 } from '../files/saveFile'
import { formatRowCounts, formatSize, formatTakenAt } from './formatBackup'
import { nativeDialogs, type NativeDialogs } from './nativeDialogs'

type RestoreInput = ChannelInput<'backups.restore'>

/** 数据 → 备份与恢复: the backups with what they hold, 立即备份, restore and its undo, and where backups go. */
export function BackupPanel(): React.JSX.Element {
  const { message, modal } = App.useApp()
  const list = useQuery('backups.list', {})
  const [busy, setBusy] = useState<string | null>(null)
  const [dialogs] = useState(nativeDialogs)

  const restore = (input: RestoreInput, what: string) => {
    modal.confirm({
      title: '恢复数据',
      content: `将用${what}替换现在的全部数据。恢复前会自动把现在的数据另存一份，恢复后可以“撤销恢复”。`,
      okText: '恢复',
      cancelText: '取消',
      onOk: () => runRestore(() => call('backups.restore', input), '恢复完成'),
    })
  }

  /** `done` names what happened: 恢复完成, or 已撤销恢复 after an undo (which is no restore of a backup). */
  const runRestore = async (work: () => Promise<{ rowCounts: Record<string, number> }>, done: string) => {
    setBusy('restore')
    try {
      const result = await work()
      const counts = backupTables.map((t) => `${backupTableLabels[t]} ${result.rowCounts[t] ?? 0}`).join('，')
      modal.success({
        title: done,
        content: `现在的数据：${counts}。点击“确定”重新载入各页面的数据。`,
        okText: '确定',
        // Every screen re-reads the restored database; a reload is the one way none keeps stale rows.
        onOk: () => window.location.reload(),
      })
    } catch (error) {
      message.error(errorMessage(error))
    } finally {
      setBusy(null)
    }
  }

  const backupNow = async () => {
    setBusy('create')
    try {
      const info = await call('backups.create', {})
      message.success(`已备份：${formatTakenAt(info.takenAt)}，${formatSize(info.sizeBytes)}`)
      await list.reload()
    } catch (error) {
      message.error(errorMessage(error))
    } finally {
      setBusy(null)
    }
  }

  // In the Electron app the file is picked natively and read where it lies, never uploaded.
  const restoreFromChosenFile = async (native: NativeDialogs) => {
    try {
      const picked = await native.chooseRestoreFile(list.data?.folder)
      if (picked) restore({ token: picked.token }, `文件“${picked.name}”`)
    } catch (error) {
      message.error(errorMessage(error))
    }
  }

  const undo = list.data?.undo
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 1040 }}>
      {undo && (
        <Alert
          type="info"
          showIcon
          title={`上次恢复前的数据已保存（${formatTakenAt(undo.takenAt)}，${formatRowCounts(undo)}）`}
          action={
            <Button
              icon={<UndoOutlined />}
              loading={busy === 'undo'}
              onClick={() =>
                modal.confirm({
                  title: '撤销恢复',
                  content: '将回到上次恢复之前的数据。',
                  okText: '撤销恢复',
                  cancelText: '取消',
                  onOk: () => runRestore(() => call('backups.undoRestore', {}), '已撤销恢复，数据回到恢复之前'),
                })
              }
            >
              撤销恢复
            </Button>
          }
        />
      )}
      <BackupSettingsCard dialogs={dialogs} onSaved={() => void list.reload()} />
      <Card
        size="small"
        title="备份列表"
        extra={
          <Space>
            {dialogs ? (
              <Button
                icon={<CloudUploadOutlined />}
                loading={busy === 'restore'}
                onClick={() => void restoreFromChosenFile(dialogs)}
              >
                从文件恢复…
              </Button>
            ) : (
              <Upload
                accept=".sqlite,.db,.bak"
                showUploadList={false}
                beforeUpload={(file) => {
                  void fileToBase64(file).then((base64) =>
                    restore({ upload: { fileName: file.name, base64 } }, `文件“${file.name}”`),
                  )
                  return false
                }}
              >
                <Button icon={<CloudUploadOutlined />} loading={busy === 'restore'}>
                  从文件恢复…
                </Button>
              </Upload>
            )}
            <Button type="primary" icon={<SafetyOutlined />} loading={busy === 'create'} onClick={backupNow}>
              立即备份
            </Button>
          </Space>
        }
      >
        <Loaded query={list}>
          <Table<BackupInfo>
            size="small"
            rowKey="name"
            loading={list.loading}
            dataSource={list.data?.backups ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: '还没有备份。点击“立即备份”做第一份；开启自动备份后，每天第一次打开程序时自动备份。' }}
            columns={[
              { title: '备份时间', dataIndex: 'takenAt', width: 150, render: (v: string) => formatTakenAt(v) },
              {
                title: '类型',
                dataIndex: 'kind',
                width: 130,
                render: (kind: BackupInfo['kind']) => <Tag>{backupKindLabels[kind]}</Tag>,
              },
              {
                title: '大小',
                dataIndex: 'sizeBytes',
                width: 90,
                align: 'right',
                render: (v: number) => formatSize(v),
              },
              {
                title: '内容',
                key: 'rows',
                render: (_: unknown, info) =>
                  info.ok ? (
                    formatRowCounts(info)
                  ) : (
                    <Typography.Text type="danger">文件已损坏，不能恢复</Typography.Text>
                  ),
              },
              {
                title: '操作',
                key: 'actions',
                width: 80,
                render: (_: unknown, info) => (
                  <Button
                    size="small"
                    disabled={!info.ok || busy !== null}
                    onClick={() => restore({ name: info.name }, `${formatTakenAt(info.takenAt)} 的备份`)}
                  >
                    恢复
                  </Button>
                ),
              },
            ]}
          />
        </Loaded>
        {list.data && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
            备份文件夹：{list.data.folder}。自动备份保留最近 7 天每天一份、4 周每周一份、12
            个月每月一份；手动备份不会自动删除。
          </Typography.Text>
        )}
      </Card>
    </Space>
  )
}

function BackupSettingsCard({
  dialogs,
  onSaved,
}: {
  dialogs: NativeDialogs | null
  onSaved: () => void
}): React.JSX.Element {
  const { message } = App.useApp()
  const settings = useQuery('backups.settings.get', {})
  const [saving, setSaving] = useState(false)

  const save = async (input: ChannelInput<'backups.settings.set'>, done: string) => {
    setSaving(true)
    try {
      await call('backups.settings.set', input)
      message.success(done)
      await settings.reload()
      onSaved()
    } catch (error) {
      message.error(errorMessage(error))
    } finally {
      setSaving(false)
    }
  }

  const enabled = settings.data?.enabled ?? true
  const chooseFolder = async (native: NativeDialogs) => {
    try {
      const picked = await native.chooseBackupFolder(settings.data?.effectiveFolder)
      if (picked) await save({ folder: { token: picked.token }, enabled }, '备份文件夹已保存')
    } catch (error) {
      message.error(errorMessage(error))
    }
  }
  return (
    <Card size="small" title="备份设置">
      <Loaded query={settings} compact what="备份设置" />
      <div style={{ display: 'grid', gridTemplateColumns: '96px 1fr', rowGap: 14, alignItems: 'center' }}>
        <span>自动备份</span>
        <Space>
          <Switch
            aria-label="自动备份"
            checked={enabled}
            loading={saving || settings.loading}
            onChange={(on) => save({ enabled: on }, on ? '已开启每日自动备份' : '已关闭自动备份')}
          />
          <Typography.Text type="secondary">
            每天第一次打开程序时备份一次（程序一直开着时，过了零点也会备份）
          </Typography.Text>
        </Space>
        <span>备份文件夹</span>
        <Space.Compact style={{ maxWidth: 720 }}>
          <Input
            aria-label="备份文件夹"
            value={settings.data?.folder ?? ''}
            placeholder={settings.data ? `默认：${settings.data.effectiveFolder}` : ''}
            // The folder is picked in the system's dialog, never typed: the page may not name a path.
            readOnly
            onClick={dialogs ? () => void chooseFolder(dialogs) : undefined}
          />
          {dialogs && (
            <Button icon={<FolderOpenOutlined />} loading={saving} onClick={() => void chooseFolder(dialogs)}>
              选择文件夹…
            </Button>
          )}
          <Button disabled={!settings.data?.folder} onClick={() => save({ folder: null, enabled }, '已改回默认文件夹')}>
            用默认
          </Button>
        </Space.Compact>
      </div>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 10 }}>
        {dialogs
          ? '可以选择 U 盘或另一块硬盘上的文件夹，如 E:\\客情管家备份。数据只放在一台电脑上时，建议定期备份到 U 盘。'
          : '浏览器预览中备份放在默认文件夹；要备份到 U 盘，请在客情管家程序中选择文件夹。'}
      </Typography.Text>
    </Card>
  )
}
